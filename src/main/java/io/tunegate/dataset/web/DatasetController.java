package io.tunegate.dataset.web;

import io.tunegate.dataset.DatasetView;
import io.tunegate.dataset.internal.DatasetUploads;
import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.Inputs;
import io.tunegate.platform.web.ListPage;
import io.tunegate.security.ProjectId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;

/**
 * {@code /v1/datasets}: upload a JSONL file as the raw request body (streamed, never buffered whole) and
 * read its validation report.
 */
@RestController
@RequestMapping(path = "/v1/datasets", produces = MediaType.APPLICATION_JSON_VALUE)
class DatasetController {

    private final DatasetUploads datasets;

    DatasetController(DatasetUploads datasets) {
        this.datasets = datasets;
    }

    @PostMapping(consumes = {"application/jsonl", "application/x-ndjson", "application/octet-stream", "text/plain"})
    ResponseEntity<DatasetView> upload(ProjectId project, HttpServletRequest request,
                                       @RequestParam(required = false) String filename,
                                       @RequestParam(name = "base_model", required = false) String baseModel)
            throws IOException {
        String name = filename == null ? "dataset.jsonl" : Inputs.clean("filename", filename);
        if (name.length() > 255) {
            throw ApiException.invalid("filename", "must be at most 255 characters");
        }
        DatasetView dataset = datasets.upload(project, name, Inputs.clean("base_model", baseModel),
                request.getInputStream());
        return ResponseEntity.created(URI.create("/v1/datasets/" + dataset.id())).body(dataset);
    }

    @GetMapping("/{id}")
    DatasetView get(ProjectId project, @PathVariable String id) {
        return datasets.get(project, id);
    }

    @GetMapping
    ListPage<DatasetView> list(ProjectId project, @RequestParam(required = false) String cursor,
                               @RequestParam(defaultValue = "20") int limit) {
        return datasets.list(project, cursor, ListPage.limit(limit, 100));
    }
}
