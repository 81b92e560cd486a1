package org.secheaders.domain.policy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.secheaders.domain.csp.CspPolicy;

/**
 * The complete set of security headers for a response, without the per-response nonce.
 *
 * <p>Both CSP headers may be present at once: the enforced policy and a report-only trial.
 * {@code nonceDirectives} lists the directives that receive the per-response nonce in both; the
 * platform default is {@code script-src} and {@code style-src}, the strict-CSP pattern
 * ({@code script-src 'nonce-…' 'strict-dynamic'}): with {@code 'strict-dynamic'}, scripts the nonced
 * scripts load are trusted too, so no host allowlist is needed, and {@code 'strict-dynamic'} without
 * a nonce or hash would block every script. A directive that allows nothing ({@code 'none'}) gets no
 * nonce.
 *
 * <p>Call {@link #compile()} once per resolved policy and render from the result on each request.
 *
 * @param csp             the enforced {@code Content-Security-Policy}
 * @param cspReportOnly   the {@code Content-Security-Policy-Report-Only} trial
 * @param nonceDirectives directives that receive {@code 'nonce-<value>'} on every response
 * @param headers         the other managed headers, by kind
 * @param headersToRemove response headers the filter strips (implementation details such as {@code Server})
 */
public record HeaderSet(
        Optional<CspPolicy> csp,
        Optional<CspPolicy> cspReportOnly,
        Set<String> nonceDirectives,
        Map<HeaderKind, SecurityHeader> headers,
        List<String> headersToRemove) {

    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    public static final String CONTENT_SECURITY_POLICY_REPORT_ONLY = "Content-Security-Policy-Report-Only";
    private static final Pattern FIELD_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public HeaderSet {
        nonceDirectives = Collections.unmodifiableSet(new LinkedHashSet<>(nonceDirectives));
        EnumMap<HeaderKind, SecurityHeader> byKind = new EnumMap<>(HeaderKind.class);
        headers.forEach((kind, header) -> {
            if (header.kind() != kind) {
                throw new IllegalArgumentException(header.kind() + " value stored as " + kind);
            }
            byKind.put(kind, header);
        });
        headers = Collections.unmodifiableMap(byKind);
        headersToRemove = List.copyOf(headersToRemove);
    }

    /** An RFC 9110 field name. */
    static boolean isFieldName(String name) {
        return FIELD_NAME.matcher(name).matches();
    }

    /** Whether {@code name} is a header this set manages, which therefore may not be stripped. */
    static boolean isManaged(String name) {
        return HeaderKind.byName(name).isPresent()
                || name.trim().equalsIgnoreCase(CONTENT_SECURITY_POLICY)
                || name.trim().equalsIgnoreCase(CONTENT_SECURITY_POLICY_REPORT_ONLY);
    }

    public Optional<SecurityHeader> header(HeaderKind kind) {
        return Optional.ofNullable(headers.get(kind));
    }

    /** Names of the present headers that belong on HTTPS responses only (HSTS); dropping them on HTTP is the filter's job. */
    public Set<String> httpsOnlyHeaders() {
        return headers.keySet().stream().filter(HeaderKind::httpsOnly).map(HeaderKind::headerName)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** This set with {@code change} applied to both CSP policies (e.g. a development mode adding local origins). */
    public HeaderSet mapPolicies(UnaryOperator<CspPolicy> change) {
        return new HeaderSet(csp.map(change), cspReportOnly.map(change), nonceDirectives, headers, headersToRemove);
    }

    /** Precomputes the rendered headers; cheap to render from, safe to share between threads. */
    public CompiledHeaderSet compile() {
        return new CompiledHeaderSet(this);
    }
}
