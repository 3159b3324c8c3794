package io.tunegate.dataset.web;

import io.tunegate.dataset.internal.DatasetContents;
import io.tunegate.dataset.translation.TargetFormat;
import io.tunegate.dataset.translation.TranslationReport;
import io.tunegate.platform.web.ApiException;
import io.tunegate.security.ProjectId;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What is stored for a dataset and what a provider would get: {@code GET /v1/datasets/{id}/content} streams
 * the uploaded bytes, {@code ?format=<target>} the same file translated line by line, and
 * {@code GET /v1/datasets/{id}/translations/{format}} says which lines that translation skips and why (a
 * stream cannot carry its report after the fact). Written straight to the response on the request's own
 * (virtual) thread, so a large file is neither buffered nor cut short by an async timeout.
 */
@RestController
@RequestMapping("/v1/datasets/{id}")
class DatasetContentController {

    static final String JSONL = "application/jsonl";

    private final DatasetContents contents;

    DatasetContentController(DatasetContents contents) {
        this.contents = contents;
    }

    @GetMapping("/content")
    void content(ProjectId project, @PathVariable String id, @RequestParam(required = false) String format,
                 HttpServletResponse response) throws IOException {
        TargetFormat target = format == null ? null : target(format);
        try (DatasetContents.Content content = contents.open(project, id)) {
            response.setContentType(JSONL);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                    .filename(target == null ? content.filename() : translatedName(content.filename(), target),
                            StandardCharsets.UTF_8)
                    .build().toString());
            if (target == null) {
                response.setContentLengthLong(content.bytes());
                content.stream().transferTo(response.getOutputStream());
            } else {
                contents.translate(content, target, response.getOutputStream());
            }
        }
    }

    @GetMapping(path = "/translations/{format}", produces = MediaType.APPLICATION_JSON_VALUE)
    TranslationReport translation(ProjectId project, @PathVariable String id, @PathVariable String format)
            throws IOException {
        return contents.report(project, id, target(format));
    }

    private static TargetFormat target(String format) {
        return TargetFormat.fromId(format).orElseThrow(() ->
                ApiException.invalid("format", "must be one of: " + TargetFormat.ids()));
    }

    /** train.jsonl -> train.vertex-gemini.jsonl */
    private static String translatedName(String filename, TargetFormat target) {
        String base = filename.endsWith(".jsonl") ? filename.substring(0, filename.length() - ".jsonl".length())
                : filename;
        return base + "." + target.id() + ".jsonl";
    }
}
