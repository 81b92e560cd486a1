package org.secheaders.domain.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.nonce.SecurityNonce;

/**
 * A {@link HeaderSet} prepared for the request hot path. Every header is serialized once; each CSP
 * value is kept as the fixed text between its nonce insertion points, so a render is a handful of
 * string concatenations and one small list. Immutable and thread-safe.
 */
public final class CompiledHeaderSet {
    private final HeaderSet headerSet;
    private final List<NonceTemplate> templates;
    private final List<HttpHeader> fixed;
    private final int size;

    CompiledHeaderSet(HeaderSet headerSet) {
        this.headerSet = headerSet;
        List<NonceTemplate> csp = new ArrayList<>(2);
        headerSet.csp().ifPresent(p -> csp.add(
                NonceTemplate.of(HeaderSet.CONTENT_SECURITY_POLICY, p, headerSet.nonceDirectives())));
        headerSet.cspReportOnly().ifPresent(p -> csp.add(
                NonceTemplate.of(HeaderSet.CONTENT_SECURITY_POLICY_REPORT_ONLY, p, headerSet.nonceDirectives())));
        this.templates = List.copyOf(csp);
        this.fixed = headerSet.headers().values().stream()
                .map(h -> new HttpHeader(h.kind().headerName(), h.value()))
                .toList();
        this.size = templates.size() + fixed.size();
    }

    /**
     * Stands for the per-response nonce where headers are shown or judged rather than served (the
     * compliance checker's configured evidence, remediation proposals): a valid CSP base64-value.
     */
    public static final String PLACEHOLDER_NONCE = "REPLACED-PER-RESPONSE";

    /** The headers of one response, carrying {@code nonce} in every nonce directive of both CSP headers. */
    public List<HttpHeader> render(SecurityNonce nonce) {
        return render(nonce.value());
    }

    /** The headers every response gets, with {@link #PLACEHOLDER_NONCE} where the nonce goes: equal for equal sets. */
    public List<HttpHeader> renderWithPlaceholderNonce() {
        return render(PLACEHOLDER_NONCE);
    }

    private List<HttpHeader> render(String nonce) {
        HttpHeader[] out = new HttpHeader[size];
        int i = 0;
        for (NonceTemplate template : templates) {
            out[i++] = template.render(nonce);
        }
        for (HttpHeader header : fixed) {
            out[i++] = header;
        }
        return List.of(out);
    }

    public List<String> headersToRemove() {
        return headerSet.headersToRemove();
    }

    public Set<String> httpsOnlyHeaders() {
        return headerSet.httpsOnlyHeaders();
    }

    public HeaderSet headerSet() {
        return headerSet;
    }

    /** A CSP header value split at its nonce insertion points: {@code parts[0] nonce parts[1] nonce … parts[n]}. */
    private static final class NonceTemplate {
        private final String name;
        private final String[] parts;
        private final int fixedLength;
        private final Optional<HttpHeader> constant;

        private NonceTemplate(String name, List<String> parts) {
            this.name = name;
            this.parts = parts.toArray(String[]::new);
            this.fixedLength = parts.stream().mapToInt(String::length).sum();
            this.constant = parts.size() == 1 ? Optional.of(new HttpHeader(name, parts.get(0))) : Optional.empty();
        }

        /** Serializes like {@link CspPolicy#serialize()}, with {@code 'nonce-…'} first in each nonce directive. */
        static NonceTemplate of(String name, CspPolicy policy, Set<String> nonceDirectives) {
            List<String> parts = new ArrayList<>();
            StringBuilder part = new StringBuilder();
            for (CspDirective directive : policy.directives()) {
                if (part.length() > 0) {
                    part.append("; ");
                }
                if (nonceDirectives.contains(directive.name()) && !Sources.allowsNothing(directive.sources())) {
                    part.append(directive.name()).append(" 'nonce-");
                    parts.add(part.toString());
                    part.setLength(0);
                    part.append('\'');
                    directive.sources().forEach(s -> part.append(' ').append(s.serialize()));
                } else {
                    part.append(directive.serialize());
                }
            }
            parts.add(part.toString());
            return new NonceTemplate(name, parts);
        }

        HttpHeader render(String nonce) {
            if (constant.isPresent()) {
                return constant.get();
            }
            StringBuilder value = new StringBuilder(fixedLength + (parts.length - 1) * nonce.length());
            value.append(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                value.append(nonce).append(parts[i]);
            }
            return new HttpHeader(name, value.toString());
        }
    }
}
