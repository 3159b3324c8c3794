package io.tunegate.provider.openai;

import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.ProblemType;
import io.tunegate.provider.ProviderJobChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * OpenAI's signed fine-tuning webhooks ({@code fine_tuning.job.succeeded|failed|cancelled|...}). They carry only
 * the job id: a valid one makes the gateway poll that job at once. Not behind API keys (OpenAI has none of
 * ours); the signature is the authentication. Without a configured secret the endpoint does not exist (404):
 * an unverifiable push must never be trusted, and 404 rather than 503 because nothing will change until an
 * operator sets the secret, which retrying does not bring about.
 */
@RestController
class OpenAiWebhookController {

    private static final Logger log = LoggerFactory.getLogger(OpenAiWebhookController.class);

    private final WebhookSignature signature;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    OpenAiWebhookController(OpenAiSettings settings, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.signature = settings.hasWebhookSecret() ? new WebhookSignature(settings.webhookSecret().strip()) : null;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/v1/provider-webhooks/openai")
    ResponseEntity<Void> receive(@RequestHeader(name = "webhook-id", required = false) String id,
                                 @RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
                                 @RequestHeader(name = "webhook-signature", required = false) String signatures,
                                 @RequestBody(required = false) byte[] body) {
        if (signature == null) {
            throw new ApiException(ProblemType.NOT_FOUND, "OpenAI webhooks are not configured on this gateway "
                    + "(set TUNEGATE_PROVIDERS_OPENAI_WEBHOOK_SECRET)");
        }
        byte[] payload = body == null ? new byte[0] : body;
        try {
            signature.verify(id, timestamp, signatures, payload, clock.instant());
        } catch (WebhookSignature.Invalid e) {
            log.info("Refused an OpenAI webhook: {}", e.getMessage());
            throw new ApiException(ProblemType.INVALID_SIGNATURE, e.getMessage());
        }
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JacksonException e) {
            throw new ApiException(ProblemType.MALFORMED_JSON, "The webhook body is not JSON");
        }
        String type = event.path("type").isString() ? event.path("type").asString() : "";
        JsonNode jobId = event.path("data").path("id");
        if (type.startsWith("fine_tuning.job.") && jobId.isString() && !jobId.asString().isBlank()) {
            log.debug("OpenAI pushed {} for {}", type, jobId.asString());
            events.publishEvent(new ProviderJobChanged(OpenAiAdapter.ID, jobId.asString()));
        }
        return ResponseEntity.ok().build(); // other event types: acknowledged, nothing to do
    }
}
