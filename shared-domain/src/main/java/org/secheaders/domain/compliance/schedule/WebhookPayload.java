package org.secheaders.domain.compliance.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import org.secheaders.domain.model.ComplianceEvent;

/**
 * The JSON body posted for one non-compliance event (docs/COMPLIANCE_SCHEDULING.md shows it).
 * {@code id} is stable across retries, so a receiver can drop duplicates (delivery is at least once).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookPayload(String type, long id, Tenant tenant, String framework, Control control, String before,
                             String after, String severity, String remediation, Instant detectedAt) {

    public static final String TYPE = "compliance.regression";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public record Tenant(long id, String slug) {
    }

    public record Control(String id, String name) {
    }

    public static WebhookPayload of(ComplianceEvent event, String tenantSlug) {
        return new WebhookPayload(TYPE, event.id(), new Tenant(event.tenantId(), tenantSlug),
                event.framework().wireName(), new Control(event.controlId(), event.controlName()),
                event.before().wireName(), event.after().wireName(), event.severity().wireName(), event.remediation(),
                event.detectedAt());
    }

    public byte[] toJson() {
        try {
            return MAPPER.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook payload always serializes", e);
        }
    }
}
