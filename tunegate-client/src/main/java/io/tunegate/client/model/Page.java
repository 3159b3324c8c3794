package io.tunegate.client.model;

import java.util.List;

/**
 * One page of a list answer ({@code {object: "list", data, has_more, next_cursor}}). Pass {@code nextCursor} as
 * the cursor of the next request, or let the client's {@code all...} methods follow the cursors.
 */
public record Page<T>(String object, List<T> data, boolean hasMore, String nextCursor) {

    public Page {
        data = data == null ? List.of() : List.copyOf(data);
    }
}
