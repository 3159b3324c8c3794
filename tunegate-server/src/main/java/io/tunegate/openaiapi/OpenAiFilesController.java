package io.tunegate.openaiapi;

import io.tunegate.dataset.DatasetFiles;
import io.tunegate.dataset.DatasetView;
import io.tunegate.job.JobOperations;
import io.tunegate.openaiapi.OpenAiObjects.ListOf;
import io.tunegate.platform.web.ListPage;
import io.tunegate.security.ProjectId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /openai/v1/files}: OpenAI's files API over Tunegate's datasets. An upload takes the dataset upload
 * path (streamed through validation, token counting and storage, never held in memory); only
 * {@code purpose=fine-tune} files are kept.
 */
@RestController
@RequestMapping(path = "/openai/v1/files", produces = MediaType.APPLICATION_JSON_VALUE)
class OpenAiFilesController {

    private static final int MAX_FIELD = 1024;

    private final DatasetFiles files;
    private final JobOperations jobs;

    OpenAiFilesController(DatasetFiles files, JobOperations jobs) {
        this.files = files;
        this.jobs = jobs;
    }

    /**
     * The multipart form OpenAI's SDKs send: {@code file} and {@code purpose}, in either order. The file streams
     * into a dataset as it arrives; a {@code purpose} other than {@code fine-tune}, read after it, removes it again.
     * A {@code base_model} field before the file picks the tokenizer, as on {@code /v1/datasets} (an extension).
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    OpenAiObjects.File upload(ProjectId project, HttpServletRequest request) throws IOException {
        String purpose = null;
        String baseModel = null;
        DatasetView uploaded = null;
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                // the file part is the file even without a filename (which would make it a plain form field)
                if ("file".equals(part.getFieldName()) && uploaded == null) {
                    if (purpose != null) {
                        checkPurpose(purpose);
                    }
                    uploaded = files.upload(project, filename(part.getName()), baseModel, part.getInputStream());
                } else if (part.isFormField()) {
                    String value = new String(part.getInputStream().readNBytes(MAX_FIELD), StandardCharsets.UTF_8);
                    switch (part.getFieldName()) {
                        case "purpose" -> purpose = value.strip();
                        case "base_model" -> baseModel = value.strip();
                        default -> { }
                    }
                }
            }
        } catch (FileUploadException e) {
            forget(project, uploaded);
            throw OpenAiException.invalid("file", "The body is not a readable multipart form: " + e.getMessage());
        }
        if (uploaded == null) {
            throw OpenAiException.missing("file");
        }
        if (purpose == null) {
            forget(project, uploaded);
            throw OpenAiException.missing("purpose");
        }
        try {
            checkPurpose(purpose);
        } catch (OpenAiException e) {
            forget(project, uploaded);
            throw e;
        }
        return OpenAiFileMapper.file(uploaded);
    }

    /** Newest first by default; {@code after} is the id of the last file of the previous page in that order. */
    @GetMapping
    ListOf<OpenAiObjects.File> list(ProjectId project, @RequestParam(required = false) String after,
                                    @RequestParam(defaultValue = "10000") String limit,
                                    @RequestParam(defaultValue = "desc") String order,
                                    @RequestParam(required = false) String purpose) {
        if (!order.equals("asc") && !order.equals("desc")) {
            throw OpenAiException.invalid("order", "order must be 'asc' or 'desc'.");
        }
        int max = OpenAiPaging.limit(limit, 10000, 10000);
        if (purpose != null && !purpose.equals(OpenAiFileMapper.PURPOSE)) {
            return ListOf.of(List.of(), false, OpenAiObjects.File::id);
        }
        ListPage<DatasetView> page = files.list(project, after, order.equals("asc"), max);
        return ListOf.of(page.data().stream().map(OpenAiFileMapper::file).toList(), page.hasMore(),
                OpenAiObjects.File::id);
    }

    @GetMapping("/{id}")
    OpenAiObjects.File get(ProjectId project, @PathVariable String id) {
        return OpenAiFileMapper.file(files.get(project, id));
    }

    /** The stored bytes, streamed as uploaded. */
    @GetMapping(path = "/{id}/content", produces = MediaType.ALL_VALUE)
    void content(ProjectId project, @PathVariable String id, HttpServletResponse response) throws IOException {
        try (DatasetFiles.Content content = files.open(project, id)) {
            response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(content.filename(), StandardCharsets.UTF_8).build().toString());
            response.setContentLengthLong(content.bytes());
            content.stream().transferTo(response.getOutputStream());
        }
    }

    /**
     * Forgets the file (its bytes stay in the content-addressed store). A file an unfinished job still trains
     * on cannot be deleted: the job may need it again to submit or fall back to another provider. No job of
     * the project names a file it does not have, so an unknown file reaches the delete and is 404 there.
     */
    @DeleteMapping("/{id}")
    OpenAiObjects.FileDeleted delete(ProjectId project, @PathVariable String id) {
        if (jobs.activeJobUses(project, id)) {
            throw new OpenAiException(HttpStatus.CONFLICT, "File " + id + " is used by a fine-tuning job that has "
                    + "not ended; cancel the job or wait for it to end.", "id", "file_in_use");
        }
        if (!files.delete(project, id)) {
            throw OpenAiException.notFound("No such File object: " + id, "id");
        }
        return new OpenAiObjects.FileDeleted(id, "file", true);
    }

    private static void checkPurpose(String purpose) {
        if (!OpenAiFileMapper.PURPOSE.equals(purpose)) {
            throw OpenAiException.invalid("purpose", "This gateway keeps fine-tuning data only: purpose must be "
                    + "'fine-tune', not '" + purpose + "'.");
        }
    }

    private void forget(ProjectId project, DatasetView uploaded) {
        if (uploaded != null) {
            files.delete(project, uploaded.id());
        }
    }

    private static String filename(String name) {
        String clean = name == null ? "" : name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        int slash = Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\'));
        clean = clean.substring(slash + 1);
        if (clean.isEmpty()) {
            return "file.jsonl";
        }
        return clean.length() > 255 ? clean.substring(clean.length() - 255) : clean;
    }
}
