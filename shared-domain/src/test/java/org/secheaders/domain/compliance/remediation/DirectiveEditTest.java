package org.secheaders.domain.compliance.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.csp.CspParser;
import org.secheaders.domain.csp.CspPolicy;

class DirectiveEditTest {

    @Test
    void amendingAnAbsentFetchDirectiveStartsFromDefaultSrc() {
        CspPolicy policy = parse("default-src 'self' https://cdn.example 'unsafe-inline'");
        CspPolicy amended = new DirectiveEdit.Amend("script-src", List.of("'nonce-abcdefgh12'"), List.of("'unsafe-inline'"))
                .applyTo(policy);
        assertEquals("default-src 'self' https://cdn.example 'unsafe-inline'; script-src 'self' https://cdn.example 'nonce-abcdefgh12'",
                amended.serialize());
    }

    @Test
    void amendingNonFetchDirectivesStartsEmptyAndNoneMakesWayForAdditions() {
        assertEquals("default-src 'self'; report-to csp",
                new DirectiveEdit.Amend("report-to", List.of("csp"), List.of()).applyTo(parse("default-src 'self'")).serialize());
        assertEquals("script-src 'nonce-abcdefgh12'", new DirectiveEdit.Amend("script-src", List.of("'nonce-abcdefgh12'"),
                List.of()).applyTo(parse("script-src 'none'")).serialize());
    }

    @Test
    void replaceAndDrop() {
        CspPolicy policy = parse("object-src *; block-all-mixed-content; img-src 'self'");
        assertEquals("object-src 'none'; block-all-mixed-content; img-src 'self'",
                new DirectiveEdit.Replace("object-src", List.of("'none'")).applyTo(policy).serialize());
        assertEquals("object-src *; img-src 'self'", new DirectiveEdit.Drop("block-all-mixed-content").applyTo(policy).serialize());
    }

    private static CspPolicy parse(String policy) {
        return CspParser.parse(policy).policy();
    }
}
