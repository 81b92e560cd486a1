package org.secheaders.domain.compliance;

import java.util.List;

/**
 * Cross-references for filtering and reporting.
 *
 * @param top10of2021 OWASP Top 10 2021 categories, e.g. {@code A05:2021}
 * @param top10of2025 OWASP Top 10 2025 categories, e.g. {@code A02:2025}
 * @param cwe         CWE ids, e.g. {@code CWE-319}
 */
public record ControlTags(List<String> top10of2021, List<String> top10of2025, List<String> cwe) {
    public ControlTags {
        top10of2021 = List.copyOf(top10of2021);
        top10of2025 = List.copyOf(top10of2025);
        cwe = List.copyOf(cwe);
    }
}
