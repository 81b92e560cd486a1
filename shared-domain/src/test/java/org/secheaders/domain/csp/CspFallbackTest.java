package org.secheaders.domain.csp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CspFallbackTest {

    @Test
    void followsCsp3sFallbackLists() {
        assertEquals(List.of("worker-src", "child-src", "script-src", "default-src"), CspFallback.chain("worker-src"));
        assertEquals(List.of("frame-src", "child-src", "default-src"), CspFallback.chain("frame-src"));
        assertEquals(List.of("style-src-elem", "style-src", "default-src"), CspFallback.chain("style-src-elem"));
        assertEquals(List.of("img-src", "default-src"), CspFallback.chain("img-src"));
        assertEquals(List.of("base-uri"), CspFallback.chain("base-uri"));
    }

    @Test
    void theEffectiveDirectiveIsTheNearestPresentOne() {
        CspPolicy policy = CspParser.parse("child-src 'self'; default-src 'none'").policy();
        assertEquals(Optional.of("child-src"), CspFallback.effective(policy, "worker-src").map(CspDirective::name));
        assertEquals(Optional.of("default-src"), CspFallback.effective(policy, "img-src").map(CspDirective::name));
        assertEquals(Optional.empty(), CspFallback.effective(policy, "base-uri"));
    }
}
