package org.secheaders.benchmarks;

import java.util.List;
import java.util.Locale;
import org.secheaders.domain.policy.HttpHeader;
import org.secheaders.domain.policy.StrictTransportSecurity;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginEmbedderPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.PermissionsPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * Spring Security writers producing the same header lines as one response of ours: Spring's own
 * writer for each header it has one for (configured with our value), {@link StaticHeadersWriter}
 * for the rest. The CSP becomes a static string: our rendered policy, so the same length, with one
 * frozen nonce (Spring Security has no per-response nonce).
 */
final class SpringEquivalent {
    private SpringEquivalent() {
    }

    /** @param ourHeaders the header lines our filter wrote on one response */
    static List<HeaderWriter> writersFor(List<HttpHeader> ourHeaders) {
        return ourHeaders.stream().map(SpringEquivalent::writerFor).toList();
    }

    private static HeaderWriter writerFor(HttpHeader header) {
        String value = header.value();
        return switch (header.name().toLowerCase(Locale.ROOT)) {
            case "content-security-policy" -> new ContentSecurityPolicyHeaderWriter(value);
            case "strict-transport-security" -> {
                StrictTransportSecurity hsts = StrictTransportSecurity.parse(value);
                yield new HstsHeaderWriter(hsts.maxAgeSeconds(), hsts.includeSubDomains(), hsts.preload());
            }
            case "x-frame-options" -> new XFrameOptionsHeaderWriter(
                    XFrameOptionsHeaderWriter.XFrameOptionsMode.valueOf(value.toUpperCase(Locale.ROOT)));
            case "x-content-type-options" -> new XContentTypeOptionsHeaderWriter();
            case "referrer-policy" -> new ReferrerPolicyHeaderWriter(ReferrerPolicyHeaderWriter.ReferrerPolicy.get(value));
            case "permissions-policy" -> new PermissionsPolicyHeaderWriter(value);
            case "cross-origin-opener-policy" -> {
                CrossOriginOpenerPolicyHeaderWriter writer = new CrossOriginOpenerPolicyHeaderWriter();
                writer.setPolicy(CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy.from(value));
                yield writer;
            }
            case "cross-origin-embedder-policy" -> {
                // Spring has no 'credentialless' constant (our baseline's value): fall back to a static writer.
                CrossOriginEmbedderPolicyHeaderWriter.CrossOriginEmbedderPolicy policy =
                        CrossOriginEmbedderPolicyHeaderWriter.CrossOriginEmbedderPolicy.from(value);
                if (policy == null) {
                    yield new StaticHeadersWriter(header.name(), value);
                }
                CrossOriginEmbedderPolicyHeaderWriter writer = new CrossOriginEmbedderPolicyHeaderWriter();
                writer.setPolicy(policy);
                yield writer;
            }
            case "cross-origin-resource-policy" -> {
                CrossOriginResourcePolicyHeaderWriter writer = new CrossOriginResourcePolicyHeaderWriter();
                writer.setPolicy(CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy.from(value));
                yield writer;
            }
            default -> new StaticHeadersWriter(header.name(), value);
        };
    }
}
