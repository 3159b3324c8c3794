package io.tunegate.support;

/** Request bodies for tests. */
public final class Jobs {

    private Jobs() {
    }

    public static String request(String jobName) {
        return request(jobName, "{}");
    }

    /** A job on the sandbox with the given {@code provider_options.sandbox} object. */
    public static String request(String jobName, String sandboxOptions) {
        return """
                {"job_name": "%s", "base_model": "meta-llama/Llama-3.1-8B-Instruct",
                 "training_data": "s3://bucket/train.jsonl", "hyperparameters": {"epochs": 2},
                 "provider": "sandbox", "metadata": {"team": "search"},
                 "provider_options": {"sandbox": %s}}""".formatted(jobName, sandboxOptions);
    }
}
