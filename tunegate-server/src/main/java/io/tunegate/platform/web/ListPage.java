package io.tunegate.platform.web;

import java.util.List;
import java.util.function.Function;

/** A page of a list answer; pass {@code next_cursor} back as {@code cursor} for the next page. */
public record ListPage<T>(String object, List<T> data, boolean hasMore, String nextCursor) {

    /** Checks a {@code limit} query parameter. */
    public static int limit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw ApiException.invalid("limit", "must be from 1 to " + max);
        }
        return limit;
    }

    public static <T> ListPage<T> of(List<T> data, boolean hasMore, String nextCursor) {
        return new ListPage<>("list", data, hasMore, hasMore ? nextCursor : null);
    }

    /**
     * A page from rows fetched with {@code limit + 1}: the extra row only says that there is more.
     *
     * @param cursorOf the cursor that continues after a row
     */
    public static <T> ListPage<T> fromOverfetch(List<T> rows, int limit, Function<T, String> cursorOf) {
        boolean more = rows.size() > limit;
        List<T> data = more ? List.copyOf(rows.subList(0, limit)) : rows;
        return of(data, more, data.isEmpty() ? null : cursorOf.apply(data.getLast()));
    }
}
