package io.tunegate.dataset.web;

import io.tunegate.dataset.DatasetView;
import io.tunegate.dataset.internal.DatasetUploads;
import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.Inputs;
import io.tunegate.platform.web.ListPage;
import io.tunegate.security.ProjectId;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;

/**
 * {@code /v1/datasets}: upload a JSONL file, as the raw request body or as a multipart form (both streamed,
 * never buffered whole), and read its validation report.
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
        DatasetView dataset = datasets.upload(project, checkedName(filename == null ? "dataset.jsonl" : filename), Inputs.clean("base_model", baseModel),
                request.getInputStream());
        return ResponseEntity.created(URI.create("/v1/datasets/" + dataset.id())).body(dataset);
    }

    /**
     * The same upload as a multipart form: the part named {@code file} is analyzed and stored as it streams
     * in (its file name becomes the dataset's); {@code filename} and {@code base_model} may also be form fields
     * placed before the file.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DatasetView> uploadForm(ProjectId project, HttpServletRequest request,
                                           @RequestParam(name = "base_model", required = false) String baseModelParam)
            throws IOException {
        String baseModel = baseModelParam;
        String filename = null;
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (part.isFormField()) {
                    String value = new String(part.getInputStream().readNBytes(1024), StandardCharsets.UTF_8);
                    switch (part.getFieldName()) {
                        case "base_model" -> baseModel = value;
                        case "filename" -> filename = value;
                        default -> { }
                    }
                } else if ("file".equals(part.getFieldName())) {
                    String name = filename != null ? filename : part.getName() != null ? part.getName() : "dataset.jsonl";
                    DatasetView dataset = datasets.upload(project, checkedName(name),
                            Inputs.clean("base_model", baseModel), part.getInputStream());
                    return ResponseEntity.created(URI.create("/v1/datasets/" + dataset.id())).body(dataset);
                }
            }
        } catch (FileUploadException e) {
            throw ApiException.invalid("body", "not a readable multipart form: " + e.getMessage());
        }
        throw ApiException.invalid("file", "a multipart part named 'file' with the JSONL dataset is required");
    }

    private static String checkedName(String filename) {
        String name = Inputs.clean("filename", filename);
        if (name.isBlank() || name.length() > 255) {
            throw ApiException.invalid("filename", "must be 1-255 characters");
        }
        return name;
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
