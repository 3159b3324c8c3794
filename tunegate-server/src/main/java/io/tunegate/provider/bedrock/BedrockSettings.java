package io.tunegate.provider.bedrock;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Amazon Bedrock model customization, for two adapters: {@code bedrock} (Nova, Llama, Titan) and
 * {@code anthropic} (Claude on Bedrock). Policy keys (max-concurrent-jobs, retry, ...) under the same prefix are
 * bound separately, per adapter id, by {@code ProviderPolicies}.
 *
 * @param region          AWS region of the control plane, the signature and the staging bucket (required)
 * @param endpoint        control-plane base URL; empty: {@code https://bedrock.{region}.amazonaws.com}
 * @param roleArn         IAM role Bedrock assumes to read the training data and write the model (required)
 * @param stagingUri      {@code s3://bucket/prefix} where training data is put (required)
 * @param outputUri       {@code s3://...} for the job's output; empty: staging-uri + {@code /output}
 * @param accessKeyId     static AWS keys; empty: the AWS default credential chain
 * @param secretAccessKey see accessKeyId
 * @param sessionToken    for temporary static keys
 * @param apiKey          a Bedrock API key: sent as a bearer token to the control plane instead of a SigV4
 *                        signature (S3 staging still uses AWS credentials)
 * @param s3Endpoint      an S3-compatible store for staging (MinIO, tests); empty for AWS S3
 * @param pathStyle       {@code http://host/bucket/key} addressing, as most S3-compatible stores need
 * @param pollInterval    how often a running job is looked at (Bedrock jobs take tens of minutes to hours)
 * @param connectTimeout  TCP connect limit of the control-plane client
 */
@ConfigurationProperties("tunegate.providers.bedrock")
public record BedrockSettings(
        String region,
        URI endpoint,
        String roleArn,
        String stagingUri,
        String outputUri,
        String accessKeyId,
        String secretAccessKey,
        String sessionToken,
        String apiKey,
        URI s3Endpoint,
        @DefaultValue("false") boolean pathStyle,
        @DefaultValue("60s") Duration pollInterval,
        @DefaultValue("10s") Duration connectTimeout) {

    static final String ENV = "TUNEGATE_PROVIDERS_BEDROCK_";

    public URI controlPlane() {
        String base = endpoint != null ? endpoint.toString() : "https://bedrock." + region.strip() + ".amazonaws.com";
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    public S3Location staging() {
        return S3Location.parse(stagingUri);
    }

    public S3Location output() {
        return isBlank(outputUri) ? staging().child("output") : S3Location.parse(outputUri);
    }

    public boolean hasStaticKeys() {
        return !isBlank(accessKeyId) && !isBlank(secretAccessKey);
    }

    /** Why the adapters are off (missing or malformed required settings, named by environment variable). */
    public Optional<String> whyOff() {
        List<String> missing = new ArrayList<>();
        if (isBlank(region)) {
            missing.add(ENV + "REGION");
        }
        if (isBlank(roleArn)) {
            missing.add(ENV + "ROLE_ARN");
        }
        if (isBlank(stagingUri)) {
            missing.add(ENV + "STAGING_URI");
        }
        if (!missing.isEmpty()) {
            return Optional.of("not configured (set " + String.join(", ", missing) + ")");
        }
        try {
            staging();
            output();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (isBlank(accessKeyId) != isBlank(secretAccessKey)) {
            return Optional.of("static AWS keys need both " + ENV + "ACCESS_KEY_ID and " + ENV + "SECRET_ACCESS_KEY");
        }
        return Optional.empty();
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Secrets masked. */
    @Override
    public String toString() {
        return "BedrockSettings[region=" + region + ", endpoint=" + endpoint + ", roleArn=" + roleArn
                + ", stagingUri=" + stagingUri + ", outputUri=" + outputUri + ", accessKeyId="
                + (isBlank(accessKeyId) ? null : "****") + ", secretAccessKey=" + (isBlank(secretAccessKey) ? null : "****")
                + ", sessionToken=" + (isBlank(sessionToken) ? null : "****") + ", apiKey="
                + (isBlank(apiKey) ? null : "****") + ", s3Endpoint=" + s3Endpoint + ", pathStyle=" + pathStyle
                + ", pollInterval=" + pollInterval + ", connectTimeout=" + connectTimeout + "]";
    }
}
