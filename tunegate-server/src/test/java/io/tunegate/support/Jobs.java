package io.tunegate.support;

/** Request bodies for tests. */
public final class Jobs {

    /** Stands for the project's sample dataset: {@link TestApi#post} puts its {@code ds-} id in. */
    public static final String DATASET = "{{sample-dataset}}";

    private Jobs() {
    }

    public static String request(String jobName) {
        return request(jobName, "{}");
    }

    /** A job on the sandbox, training on the project's sample dataset, with this {@code provider_options.sandbox}. */
    public static String request(String jobName, String sandboxOptions) {
        return """
                {"job_name": "%s", "base_model": "meta-llama/Llama-3.1-8B-Instruct",
                 "training_data": "%s", "hyperparameters": {"epochs": 2},
                 "provider": "sandbox", "metadata": {"team": "search"},
                 "provider_options": {"sandbox": %s}}""".formatted(jobName, DATASET, sandboxOptions);
    }
}
