package io.tunegate.openaiapi;

import io.tunegate.dataset.DatasetView;

/** Datasets as OpenAI file objects: the dataset id is the file id. */
final class OpenAiFileMapper {

    static final String PURPOSE = "fine-tune";

    private OpenAiFileMapper() {
    }

    /** A file that failed validation is {@code error}, with what was wrong; jobs refuse it. */
    static OpenAiObjects.File file(DatasetView dataset) {
        boolean valid = "valid".equals(dataset.status());
        return new OpenAiObjects.File(dataset.id(), "file", dataset.bytes(), dataset.createdAt().getEpochSecond(), null,
                dataset.filename(), PURPOSE, valid ? "processed" : "error", valid ? null : details(dataset));
    }

    private static String details(DatasetView dataset) {
        return "The file did not pass validation as " + dataset.format() + " fine-tuning data; GET /v1/datasets/"
                + dataset.id() + " has the report (errors by kind with line numbers).";
    }
}
