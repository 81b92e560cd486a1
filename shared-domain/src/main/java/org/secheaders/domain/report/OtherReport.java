package org.secheaders.domain.report;

import java.util.Objects;

/**
 * A non-CSP report that browsers send to the same endpoint (deprecation, intervention, crash, coep,
 * coop, permissions-policy-violation, network-error, integrity-violation, csp-hash...). Kept raw:
 * {@code url} and {@code body} (compact JSON) are attacker-controlled and not privacy-reduced.
 */
public record OtherReport(String type, String url, String body) implements ParsedReport {
    public OtherReport {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(body, "body");
    }
}
