package io.tunegate.client;

/**
 * How to upload a dataset: {@code UploadOptions.defaults().baseModel("gpt-4o-mini").onProgress(listener)}.
 * Immutable; each method returns a changed copy.
 *
 * @param filename  the dataset's name at the gateway; null: the file's own name ({@code dataset.jsonl} for a
 *                  stream)
 * @param baseModel the model whose tokenizer counts the file and whose providers check it; null: none
 * @param progress  told of the bytes sent; null: nobody
 */
public record UploadOptions(String filename, String baseModel, UploadProgressListener progress) {

    public static UploadOptions defaults() {
        return new UploadOptions(null, null, null);
    }

    public UploadOptions filename(String filename) {
        return new UploadOptions(filename, baseModel, progress);
    }

    public UploadOptions baseModel(String baseModel) {
        return new UploadOptions(filename, baseModel, progress);
    }

    public UploadOptions onProgress(UploadProgressListener progress) {
        return new UploadOptions(filename, baseModel, progress);
    }
}
