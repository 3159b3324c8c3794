package io.tunegate.cli;

import io.tunegate.cli.render.DatasetText;
import io.tunegate.cli.render.Formats;
import io.tunegate.cli.render.Progress;
import io.tunegate.client.FineTuningClient;
import io.tunegate.client.UploadOptions;
import io.tunegate.client.model.Dataset;
import io.tunegate.client.model.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "datasets", description = "Upload datasets and read their validation reports.",
        subcommands = {DatasetsCommand.Upload.class, DatasetsCommand.List.class, DatasetsCommand.Show.class})
final class DatasetsCommand {

    @Command(name = "upload", description = {
            "Upload a JSONL file with a progress bar, then print its validation report.",
            "Exits 1 when the file is invalid (it is kept, so the report can be read again)."})
    static final class Upload extends ApiCommand {

        @Parameters(paramLabel = "FILE.jsonl", description = "The training data: chat, preference or "
                + "prompt/completion lines.")
        Path file;

        @Option(names = "--base-model", paramLabel = "MODEL",
                description = "Count tokens with this model's tokenizer and check it against its providers.")
        String baseModel;

        @Option(names = "--filename", paramLabel = "NAME", description = "The name at the gateway (default: the "
                + "file's own).")
        String filename;

        @Override
        int run(FineTuningClient client, Output output) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new UsageProblem("cannot read " + file);
            }
            Progress progress = output.progress();
            Dataset dataset;
            try {
                dataset = client.uploadDataset(file, UploadOptions.defaults().filename(filename)
                        .baseModel(baseModel).onProgress((sent, total) -> progress.update("uploading",
                                total > 0 ? (double) sent / total : null,
                                Formats.bytes(sent) + (total >= 0 ? " / " + Formats.bytes(total) : ""))));
            } finally {
                progress.finish();
            }
            // the upload's answer has the report and, with --base-model, the provider checks: nothing to fetch again
            if (output.json()) {
                output.printJson(dataset);
            } else {
                output.print(DatasetText.details(dataset));
            }
            return dataset.isValid() ? ExitCodes.OK : ExitCodes.NOT_SUCCEEDED;
        }
    }

    @Command(name = "list", description = "List datasets, newest first.")
    static final class List extends ApiCommand {

        @Option(names = "--limit", paramLabel = "N", description = "Datasets per page.")
        Integer limit;

        @Option(names = "--cursor", paramLabel = "CURSOR", description = "The next page: the cursor the last one "
                + "gave.")
        String cursor;

        @Override
        int run(FineTuningClient client, Output output) {
            Page<Dataset> page = client.listDatasets(cursor, limit);
            if (output.json()) {
                output.printJson(page);
            } else {
                output.print(DatasetText.list(page));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Show a dataset's validation report and provider checks.")
    static final class Show extends ApiCommand {

        @Parameters(paramLabel = "ID", description = "The dataset's id (ds-...).")
        String id;

        @Override
        int run(FineTuningClient client, Output output) {
            Dataset dataset = client.getDataset(id);
            if (output.json()) {
                output.printJson(dataset);
            } else {
                output.print(DatasetText.details(dataset));
            }
            return ExitCodes.OK;
        }
    }
}
