package org.secheaders.domain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.csp.CspParser;
import org.secheaders.domain.csp.CspPolicy;

class EffectiveDirectivesTest {

    private static String name(String policy, String directive) {
        CspPolicy parsed = CspParser.parse(policy).policy();
        return EffectiveDirectives.name(parsed, directive);
    }

    @Test
    void elemAndAttrVariantsFallBackToTheirBaseThenDefaultSrc() {
        assertEquals("script-src", name("script-src 'self'; default-src 'none'", "script-src-elem"));
        assertEquals("style-src", name("style-src 'self'", "style-src-attr"));
        assertEquals("script-src-elem", name("script-src-elem 'self'; script-src 'none'", "script-src-elem"));
        assertEquals("default-src", name("img-src 'self'", "script-src-attr"));
    }

    @Test
    void likeTheEvaluatorSkipsCsp3sChildSrcAndScriptSrcHops() {
        assertEquals("default-src", name("child-src 'self'; script-src 'self'; default-src 'none'", "worker-src"));
        assertEquals("default-src", name("child-src 'self'", "frame-src"));
    }

    @Test
    void nonFetchDirectivesHaveNoFallback() {
        assertEquals("base-uri", name("default-src 'none'", "base-uri"));
        assertEquals("object-src", name("object-src 'none'", "object-src"));
    }
}
