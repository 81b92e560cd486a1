package org.secheaders.compliance.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secheaders.compliance.report.ExecutiveSummary.FrameworkLine;

/**
 * What a stored report keeps as its summary: per tenant the framework lines and every control's
 * result. Listings show it; the next report of the same scope computes its trend from it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReportSnapshot(List<TenantSnapshot> tenants) {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            // a summary written by a later version may carry more
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public ReportSnapshot {
        tenants = List.copyOf(tenants);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TenantSnapshot(long tenantId, String tenant, List<FrameworkLine> frameworks,
                                 List<ControlOutcome> controls) {
        public TenantSnapshot {
            frameworks = List.copyOf(frameworks);
            controls = List.copyOf(controls);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ControlOutcome(String framework, String controlId, String result) {
    }

    static ReportSnapshot of(ComplianceReportDocument document) {
        return new ReportSnapshot(document.tenants().stream().map(section -> new TenantSnapshot(section.tenantId(),
                section.tenant(), section.summary().frameworks(), section.frameworks().stream()
                .flatMap(framework -> framework.controls().stream()
                        .map(control -> new ControlOutcome(framework.framework(), control.controlId(), control.result())))
                .toList())).toList());
    }

    public Optional<TenantSnapshot> tenant(long tenantId) {
        return tenants.stream().filter(t -> t.tenantId() == tenantId).findFirst();
    }

    Map<String, Object> toJson() {
        return MAPPER.convertValue(this, new TypeReference<Map<String, Object>>() { });
    }

    /** A stored summary; one that cannot be read (written by another version) gives no trend rather than an error. */
    static Optional<ReportSnapshot> fromJson(Map<String, Object> json) {
        try {
            return Optional.of(MAPPER.convertValue(json, ReportSnapshot.class));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
