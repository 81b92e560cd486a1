package org.secheaders.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspParser;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.csp.SourceExpression;
import org.secheaders.domain.nonce.SecurityNonce;

class CompiledHeaderSetTest {
    private static final CspPolicy ENFORCED = CspParser.parse(
            "default-src 'none'; script-src 'strict-dynamic'; style-src 'self'; object-src 'none'").policy();
    private static final CspPolicy TRIAL = ENFORCED.with(new CspDirective("require-trusted-types-for",
            List.of(new SourceExpression.Token("'script'"))));

    private static HeaderSet headerSet(Set<String> nonceDirectives) {
        return new HeaderSet(Optional.of(ENFORCED), Optional.of(TRIAL), nonceDirectives,
                Map.of(HeaderKind.X_CONTENT_TYPE_OPTIONS, ContentTypeOptions.NOSNIFF,
                        HeaderKind.STRICT_TRANSPORT_SECURITY, new StrictTransportSecurity(63072000, true, false)),
                List.of("Server"));
    }

    @Test
    void insertsTheNonceFirstInEachNonceDirectiveOfBothPolicies() {
        SecurityNonce nonce = SecurityNonce.generate();
        String n = "'nonce-" + nonce.value() + "'";

        List<HttpHeader> headers = headerSet(Set.of("script-src", "style-src")).compile().render(nonce);

        assertEquals(List.of(
                new HttpHeader("Content-Security-Policy", "default-src 'none'; script-src " + n + " 'strict-dynamic'; "
                        + "style-src " + n + " 'self'; object-src 'none'"),
                new HttpHeader("Content-Security-Policy-Report-Only", "default-src 'none'; script-src " + n
                        + " 'strict-dynamic'; style-src " + n + " 'self'; object-src 'none'; require-trusted-types-for 'script'"),
                new HttpHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains"),
                new HttpHeader("X-Content-Type-Options", "nosniff")), headers);
    }

    @Test
    void renderedPoliciesParseBackToThePolicyWithTheNonce() {
        SecurityNonce nonce = SecurityNonce.generate();

        String value = headerSet(Set.of("script-src")).compile().render(nonce).get(0).value();

        CspPolicy parsed = CspParser.parse(value).policy();
        List<SourceExpression> script = new ArrayList<>(List.of(new SourceExpression.Nonce(nonce.value())));
        script.addAll(ENFORCED.sources("script-src"));
        assertEquals(ENFORCED.with(new CspDirective("script-src", script)), parsed);
    }

    @Test
    void aDirectiveThatAllowsNothingGetsNoNonce() {
        String value = headerSet(Set.of("default-src", "object-src")).compile().render(SecurityNonce.generate()).get(0).value();

        assertEquals(ENFORCED.serialize(), value);
    }

    @Test
    void withoutNonceDirectivesTheCspHeaderIsPrecomputedOnce() {
        CompiledHeaderSet compiled = headerSet(Set.of()).compile();

        HttpHeader first = compiled.render(SecurityNonce.generate()).get(0);

        assertSame(first, compiled.render(SecurityNonce.generate()).get(0));
        assertEquals(ENFORCED.serialize(), first.value());
    }

    @Test
    void exposesRemovalsHttpsOnlyHeadersAndAnUnmodifiableRender() {
        CompiledHeaderSet compiled = headerSet(Set.of("script-src")).compile();

        assertEquals(List.of("Server"), compiled.headersToRemove());
        assertEquals(Set.of("Strict-Transport-Security"), compiled.httpsOnlyHeaders());
        assertThrows(UnsupportedOperationException.class,
                () -> compiled.render(SecurityNonce.generate()).add(new HttpHeader("X", "y")));
    }

    @Test
    void mapPoliciesChangesBothPoliciesOnly() {
        HeaderSet set = headerSet(Set.of("script-src"));

        HeaderSet mapped = set.mapPolicies(p -> p.without("object-src"));

        assertEquals(Optional.of(ENFORCED.without("object-src")), mapped.csp());
        assertEquals(Optional.of(TRIAL.without("object-src")), mapped.cspReportOnly());
        assertEquals(set.headers(), mapped.headers());
    }

    @Test
    void aHeaderStoredUnderTheWrongKindIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new HeaderSet(Optional.empty(), Optional.empty(), Set.of(),
                Map.of(HeaderKind.X_FRAME_OPTIONS, ContentTypeOptions.NOSNIFF), List.of()));
    }
}
