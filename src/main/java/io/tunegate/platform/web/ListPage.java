package io.tunegate.platform.web;

import java.util.List;

/** A page of a list answer; pass {@code next_cursor} back as {@code cursor} for the next page. */
public record ListPage<T>(String object, List<T> data, boolean hasMore, String nextCursor) {

    public static <T> ListPage<T> of(List<T> data, boolean hasMore, String nextCursor) {
        return new ListPage<>("list", data, hasMore, hasMore ? nextCursor : null);
    }
}
