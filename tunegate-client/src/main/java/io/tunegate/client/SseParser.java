package io.tunegate.client;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads server-sent events by the WHATWG rules: lines end in CRLF, LF or CR; {@code :} starts a comment;
 * {@code data} lines join with LF; {@code id} (without NUL) sets the last event id, kept across events;
 * {@code retry} (digits only) sets the reconnection time; a blank line dispatches; an event cut off by the end of
 * the stream is dropped.
 */
final class SseParser {

    /** One dispatched event; {@code id} is the last event id in force when it was dispatched. */
    record Event(String id, String type, String data) {
    }

    private final BufferedReader reader;
    private String lastEventId;
    private long retryMillis = -1;
    private boolean first = true;

    SseParser(BufferedReader reader, String lastEventId) {
        this.reader = reader;
        this.lastEventId = lastEventId;
    }

    /** The next event, or null when the stream ends. */
    Event next() throws IOException {
        StringBuilder data = new StringBuilder();
        String type = "";
        boolean hasData = false;
        String line;
        while ((line = reader.readLine()) != null) {
            if (first) {
                first = false;
                if (line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
            }
            if (line.isEmpty()) {
                if (!hasData) {
                    type = "";
                    continue;
                }
                String text = data.substring(0, data.length() - 1);
                return new Event(lastEventId, type.isEmpty() ? "message" : type, text);
            }
            if (line.charAt(0) == ':') {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> type = value;
                case "data" -> {
                    data.append(value).append('\n');
                    hasData = true;
                }
                case "id" -> {
                    if (value.indexOf('\0') < 0) {
                        lastEventId = value;
                    }
                }
                case "retry" -> {
                    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        try {
                            retryMillis = Long.parseLong(value);
                        } catch (NumberFormatException tooLong) {
                            // ignored, as the spec ignores any value that is not a time
                        }
                    }
                }
                default -> { }
            }
        }
        return null;
    }

    /** The id of the last event (or id-only block) read; the one given at the start before that. */
    String lastEventId() {
        return lastEventId;
    }

    /** The reconnection time the server asked for; -1 when it did not. */
    long retryMillis() {
        return retryMillis;
    }
}
