package org.secheaders.compliance.report;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A compliance report before rendering. Text in it is raw (observed header values included, which a
 * scanned site controls); each renderer escapes for its format.
 *
 * @param scope      the tenant's slug, or {@code all tenants}
 * @param platform   whether the report covers every active tenant (an overview table, tenant names in headings)
 * @param target     {@code configured} or the scanned URL
 * @param frameworks wire names, in framework order
 * @param tenants    one section per tenant checked, in slug order
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ComplianceReportDocument(
        String title,
        String scope,
        boolean platform,
        String target,
        Instant generatedAt,
        String catalogueVersion,
        List<String> frameworks,
        List<TenantSection> tenants,
        String disclaimer) {

    public ComplianceReportDocument {
        frameworks = List.copyOf(frameworks);
        tenants = List.copyOf(tenants);
    }

    /**
     * One tenant's results: the executive summary first, then the evidence per framework and control.
     *
     * @param source        where the evidence came from: {@code configured}, {@code observed} or {@code supplied}
     * @param observatory   the MDN Observatory grade of the same response, e.g. {@code B+ (80/100)}
     * @param disagreements where the Observatory and the CSP validator judge the policy differently
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TenantSection(
            long tenantId,
            String tenant,
            Instant checkedAt,
            String source,
            Optional<String> observatory,
            ExecutiveSummary summary,
            List<FrameworkEvidence> frameworks,
            List<DisagreementLine> disagreements) {

        public TenantSection {
            frameworks = List.copyOf(frameworks);
            disagreements = List.copyOf(disagreements);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DisagreementLine(String kind, String observatory, String validator, String explanation,
                                   String position) {
    }
}
