package io.tunegate.provider.together;

import io.tunegate.provider.ProviderJobSnapshot.Event;
import io.tunegate.provider.http.JsonFields;
import io.tunegate.provider.http.Sha256;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Together's job events ({@code GET /fine-tunes/{id}/events}) carry no ids and the endpoint has no cursor: it
 * returns the whole list, oldest first. Each event gets a stable id from its time, type and message (with a
 * counter for identical repeats), and the cursor is {@code <count>:<last id>}: events after the last id seen,
 * or after the count if that id is no longer in the list.
 */
final class TogetherEvents {

    record Page(List<Event> events, String nextCursor) {
    }

    /** One event as read, with its derived id. */
    record Read(String id, Instant createdAt, String level, String type, String message) {
    }

    private TogetherEvents() {
    }

    static List<Read> read(JsonNode list) {
        List<Read> read = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        JsonNode data = list.path("data");
        if (!data.isArray()) {
            return read;
        }
        for (JsonNode event : data) {
            String createdAt = JsonFields.text(event.path("created_at"));
            String type = JsonFields.text(event.path("type"));
            String message = JsonFields.text(event.path("message"));
            String base = "ev-" + Sha256.hex((createdAt == null ? "" : createdAt) + "\n"
                    + (type == null ? "" : type) + "\n" + (message == null ? "" : message), 16);
            int repeat = seen.merge(base, 1, Integer::sum) - 1;
            String id = repeat == 0 ? base : base + "-" + repeat;
            String shown = message != null ? message : type != null ? type : "(event without message)";
            read.add(new Read(id, JsonFields.instant(createdAt), level(JsonFields.text(event.path("level")), type),
                    type, shown));
        }
        return read;
    }

    static Page after(List<Read> all, String cursor) {
        int start = start(all, cursor);
        List<Event> events = new ArrayList<>();
        for (Read r : all.subList(start, all.size())) {
            events.add(new Event(r.id(), r.createdAt(), r.level(), r.message()));
        }
        String next = all.isEmpty() ? cursor : all.size() + ":" + all.getLast().id();
        return new Page(events, next);
    }

    private static int start(List<Read> all, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        int colon = cursor.indexOf(':');
        String lastId = colon < 0 ? null : cursor.substring(colon + 1);
        if (lastId != null) {
            for (int i = all.size() - 1; i >= 0; i--) {
                if (all.get(i).id().equals(lastId)) {
                    return i + 1;
                }
            }
        }
        try {
            int count = Integer.parseInt(colon < 0 ? cursor : cursor.substring(0, colon));
            return Math.max(0, Math.min(count, all.size()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String level(String level, String type) {
        String l = level == null ? "" : level.toLowerCase(Locale.ROOT);
        if (l.startsWith("err") || "JOB_ERROR".equals(type) || "JOB_USER_ERROR".equals(type)) {
            return "error";
        }
        if (l.startsWith("warn") || "WARNING".equals(type)) {
            return "warning";
        }
        return "info";
    }
}
