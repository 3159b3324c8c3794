package io.tunegate.dataset.translation;

import io.tunegate.dataset.analysis.LineReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Translates canonical JSONL into a {@link TargetFormat}, one line at a time: a line is read, parsed into a
 * tree, rewritten and written before the next is read, so memory is bounded by the longest line (at most
 * {@code maxLineBytes}), whatever the file's size. Output lines keep the input's order; a line the target
 * cannot take is not written but counted in the {@link TranslationReport} under its {@link SkipReasons}
 * key with its line number; blank lines are dropped. Numbers are copied exactly (no float rounding).
 *
 * <p>Thread-safe; the streams are neither closed nor, for the input, read past its end.
 */
public final class FormatTranslator {

    /** The analyzer's default line limit: a line it accepted is never too long here. */
    public static final int DEFAULT_MAX_LINE_BYTES = 8 << 20;

    // The line limit bounds string size; Jackson's own cap must not turn a long valid line into invalid_json.
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final int maxLineBytes;

    public FormatTranslator() {
        this(DEFAULT_MAX_LINE_BYTES);
    }

    public FormatTranslator(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    public TranslationReport translate(InputStream in, OutputStream out, TargetFormat target) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(target, "target");
        LineReader reader = new LineReader(in, maxLineBytes);
        SkipTally skipped = new SkipTally();
        long examples = 0;
        long written = 0;
        // Flushed at the end, never closed: the caller owns out.
        OutputStream buffer = new BufferedOutputStream(Objects.requireNonNull(out, "out"), 1 << 16);
        while (reader.next()) {
            long line = reader.lineNumber();
            if (reader.tooLong()) {
                examples++;
                skipped.add(SkipReasons.LINE_TOO_LONG, line);
                continue;
            }
            int start = line == 1 ? byteOrderMarkLength(reader.bytes(), reader.length()) : 0;
            if (isBlank(reader.bytes(), start, reader.length())) {
                continue;
            }
            examples++;
            JsonNode translated;
            try {
                translated = target.renderer().render(
                        ExampleParser.parse(JSON.readTree(reader.bytes(), start, reader.length() - start)));
            } catch (JacksonException e) {
                skipped.add(SkipReasons.INVALID_JSON, line);
                continue;
            } catch (Skip skip) {
                skipped.add(skip.reason(), line);
                continue;
            } catch (RuntimeException bug) {
                // Every content problem is a Skip; this is a safety net so one line cannot sink a file.
                skipped.add(SkipReasons.TRANSLATION_FAILED, line);
                continue;
            }
            buffer.write(JSON.writeValueAsBytes(translated));
            buffer.write('\n');
            written++;
        }
        buffer.flush();
        return new TranslationReport(target.id(), reader.lineNumber(), examples, written, skipped.total(),
                skipped.toMap());
    }

    /** Editors on Windows often start a file with a UTF-8 byte order mark; it is not part of the JSON. */
    private static int byteOrderMarkLength(byte[] bytes, int length) {
        return length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
