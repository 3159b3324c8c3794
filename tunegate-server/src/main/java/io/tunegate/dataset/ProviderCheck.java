package io.tunegate.dataset;

import java.util.List;

/**
 * Whether one provider's offer of the dataset's base model would take the dataset as it is, by the catalog's
 * rules for that offer. Worked out whenever the dataset is shown, so it follows catalog changes.
 *
 * @param providerModel the provider's id for the base model
 * @param ok            no problems: the dataset is valid and within this offer's rules (warnings allowed)
 * @param problems      what would make the provider refuse the file or the job
 * @param warnings      what the provider would accept but change, such as truncating long examples
 */
public record ProviderCheck(String provider, String providerModel, boolean ok, List<String> problems,
                            List<String> warnings) {

    public ProviderCheck {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }
}
