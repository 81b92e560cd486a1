package org.secheaders.domain.csp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CspParserProperties {

    @Property(tries = 1000)
    void parsingTheSerializationGivesThePolicyBack(@ForAll("policies") CspPolicy policy) {
        assertEquals(policy, CspParser.parse(policy.serialize()).policy());
    }

    @Property(tries = 1000)
    void caseAndWhitespaceDoNotMatterWhereCsp3SaysSo(@ForAll("policies") CspPolicy policy, @ForAll Random random) {
        String written = CspArbitraries.writeLoosely(policy, random);
        assertEquals(policy, CspParser.parse(written).policy(), written);
    }

    @Property(tries = 1000)
    void anyInputParsesToAPolicyThatRoundTrips(@ForAll("text") String text) {
        CspPolicy parsed = CspParser.parse(text).policy();
        assertEquals(parsed, CspParser.parse(parsed.serialize()).policy(), text);
    }

    @Provide
    Arbitrary<CspPolicy> policies() {
        return CspArbitraries.policies();
    }

    @Provide
    Arbitrary<String> text() {
        return CspArbitraries.cspLikeText();
    }
}
