package io.tunegate.client;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SseParserTest {

    private static List<SseParser.Event> parse(SseParser parser) throws IOException {
        List<SseParser.Event> events = new ArrayList<>();
        SseParser.Event event;
        while ((event = parser.next()) != null) {
            events.add(event);
        }
        return events;
    }

    private static SseParser parser(String text) {
        return new SseParser(new BufferedReader(new StringReader(text)), null);
    }

    @Test
    void joinsDataLinesAndSkipsComments() throws IOException {
        List<SseParser.Event> events = parse(parser("""
                : keep-alive
                id: 7
                event: status_changed
                data: {"a":
                data:  1}

                """));

        assertThat(events).containsExactly(new SseParser.Event("7", "status_changed", "{\"a\":\n 1}"));
    }

    @Test
    void acceptsCrLfAndBareCrLineEndsAndFieldsWithoutSpaceOrColon() throws IOException {
        List<SseParser.Event> events = parse(parser("\uFEFFid:1\r\ndata:x\r\n\r\ndata\rid: 2\r\r"));

        assertThat(events).containsExactly(new SseParser.Event("1", "message", "x"),
                new SseParser.Event("2", "message", ""));
    }

    @Test
    void keepsTheLastIdForLaterEventsAndIgnoresIdsWithNul() throws IOException {
        List<SseParser.Event> events = parse(parser("id: 3\ndata: a\n\ndata: b\n\nid: 4\u0000x\ndata: c\n\n"));

        assertThat(events).extracting(SseParser.Event::id).containsExactly("3", "3", "3");
    }

    @Test
    void readsRetryOnlyWhenItIsDigits() throws IOException {
        SseParser parser = parser("retry: 2500\n\nretry: soon\n\nretry: 12x\n\ndata: a\n\n");

        parse(parser);

        assertThat(parser.retryMillis()).isEqualTo(2500);
    }

    @Test
    void dropsAnEventCutOffByTheEndOfTheStream() throws IOException {
        SseParser parser = parser("id: 1\ndata: whole\n\nid: 2\ndata: cut");

        assertThat(parse(parser)).containsExactly(new SseParser.Event("1", "message", "whole"));
    }

    @Test
    void blankLinesWithoutDataDispatchNothingAndResetTheType() throws IOException {
        List<SseParser.Event> events = parse(parser("event: ping\n\n\n\ndata: after\n\n"));

        assertThat(events).containsExactly(new SseParser.Event(null, "message", "after"));
    }

    @Test
    void startsFromTheGivenLastEventId() throws IOException {
        SseParser parser = new SseParser(new BufferedReader(new StringReader("data: a\n\n")), "41");

        assertThat(parse(parser)).containsExactly(new SseParser.Event("41", "message", "a"));
    }
}
