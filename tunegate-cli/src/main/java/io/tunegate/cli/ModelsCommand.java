package io.tunegate.cli;

import io.tunegate.cli.render.ModelText;
import io.tunegate.client.FineTuningClient;
import io.tunegate.client.model.Catalog;
import io.tunegate.client.model.Model;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "models", description = {"The registered models: each succeeded job adds a version to the model "
        + "named after its job_name.", "With --catalog: the base models each provider trains, with prices."})
final class ModelsCommand extends ApiCommand {

    @Option(names = "--catalog", description = "Show the gateway's model catalog instead.")
    boolean catalog;

    @Override
    int run(FineTuningClient client, Output output) {
        if (catalog) {
            Catalog models = client.getCatalog();
            if (output.json()) {
                output.printJson(models);
            } else {
                output.print(ModelText.catalog(models));
            }
            return ExitCodes.OK;
        }
        List<Model> models = client.allModels().toList();
        if (output.json()) {
            output.printJson(models);
        } else {
            output.print(ModelText.registered(models));
        }
        return ExitCodes.OK;
    }
}
