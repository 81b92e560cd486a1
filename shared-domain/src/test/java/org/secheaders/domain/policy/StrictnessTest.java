package org.secheaders.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.secheaders.domain.csp.CspParser;
import org.secheaders.domain.csp.CspPolicy;

class StrictnessTest {
    private static final PolicyLocks LOCKS = new PolicyLocks(
            Set.of("script-src", "object-src", "base-uri", "frame-ancestors"), Set.of());
    private static final Set<String> NONCED = Set.of("script-src", "style-src");
    private static final String PLATFORM = "default-src 'none'; script-src 'strict-dynamic'; style-src 'self'; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static CspPolicy csp(String serialized) {
        return CspParser.parse(serialized).policy();
    }

    private static List<String> weakerTokens(String candidate) {
        return Strictness.weakenings(csp(PLATFORM), csp(candidate), NONCED, LOCKS).stream()
                .map(Weakening::grantKey).toList();
    }

    private static String platformWith(String scriptSrc) {
        return PLATFORM.replace("script-src 'strict-dynamic'", "script-src " + scriptSrc);
    }

    @Test
    void theReferenceIsNotWeakerThanItself() {
        assertEquals(List.of(), weakerTokens(PLATFORM));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "https:", "data:", "http:", "blob:", "http://cdn.example", "ws://cdn.example",
            "https://*", "*.com", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", "'nonce-abcdefgh'"})
    void dangerousSourcesAddedToALockedDirectiveAreWeakenings(String source) {
        assertEquals(List.of("script-src:" + source), weakerTokens(platformWith("'strict-dynamic' " + source)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://cdn.example", "cdn.example", "*.cdn.example", "'self'", "'report-sample'",
            "'sha256-YWJjZA=='", "'unsafe-inline'"})
    void httpsHostsSelfHashesAndNoncedUnsafeInlineAreNot(String source) {
        assertEquals(List.of(), weakerTokens(platformWith("'strict-dynamic' " + source)));
    }

    @Test
    void unsafeInlineIsAWeakeningOnlyWhereNoNonceOrHashNeutralizesIt() {
        String attr = PLATFORM + "; script-src-attr 'unsafe-inline'";
        assertEquals(List.of("script-src-attr:'unsafe-inline'"), weakerTokens(attr));
        assertEquals(List.of(), weakerTokens(PLATFORM + "; script-src-attr 'sha256-YWJjZA==' 'unsafe-inline'"));
    }

    @Test
    void anySourceWhereThePlatformAllowsNothingIsAWeakening() {
        assertEquals(List.of("object-src:'self'"), weakerTokens(PLATFORM.replace("object-src 'none'", "object-src 'self'")));
        assertEquals(List.of("frame-ancestors:https://a.example"),
                weakerTokens(PLATFORM.replace("frame-ancestors 'none'", "frame-ancestors https://a.example")));
        assertEquals(List.of(), weakerTokens(PLATFORM.replace("base-uri 'none'", "base-uri 'none' 'report-sample'")));
    }

    @Test
    void droppingStrictDynamicWhileAnAllowlistRemainsIsAWeakening() {
        assertEquals(List.of("script-src:'strict-dynamic'"), weakerTokens(platformWith("https://cdn.example")));
        assertEquals(List.of("script-src:'strict-dynamic'"), weakerTokens(platformWith("'self'")));
        assertEquals(List.of(), weakerTokens(platformWith("'sha256-YWJjZA=='")));
        assertEquals(List.of("worker-src:data:", "worker-src:'strict-dynamic'"), weakerTokens(PLATFORM + "; worker-src data:"));
    }

    @Test
    void directivesFallingBackToALockedOneAreGovernedByItsLock() {
        assertEquals(List.of("script-src-elem:*"), weakerTokens(PLATFORM + "; script-src-elem 'strict-dynamic' *"));
        assertEquals(List.of("worker-src:data:"), weakerTokens(PLATFORM + "; worker-src 'strict-dynamic' data:"));
        assertEquals(List.of(), weakerTokens(PLATFORM + "; img-src *"), "img-src falls back to the unlocked default-src");
    }

    @Test
    void aDangerousSourceThePlatformAlreadyListsIsNotANewWeakening() {
        CspPolicy platform = csp("script-src 'strict-dynamic' https: 'unsafe-inline'");
        CspPolicy same = csp("script-src 'strict-dynamic' https: 'unsafe-inline' https://cdn.example");

        assertEquals(List.of(), Strictness.weakenings(platform, same, NONCED, LOCKS));
    }

    @Test
    void introducedKeepsEarlierGrantsButCatchesWorseValues() {
        StrictTransportSecurity platform = new StrictTransportSecurity(63072000, true, false);
        StrictTransportSecurity granted = new StrictTransportSecurity(31536000, true, false);
        StrictTransportSecurity shorter = new StrictTransportSecurity(86400, true, false);
        StrictTransportSecurity preloaded = new StrictTransportSecurity(31536000, true, true);

        assertEquals(List.of(), Strictness.introduced(Strictness.weakenings(platform, preloaded),
                Strictness.weakenings(platform, granted), Strictness.weakenings(granted, preloaded)));
        assertEquals(List.of("strict-transport-security:max-age"), Strictness.introduced(
                        Strictness.weakenings(platform, shorter), Strictness.weakenings(platform, granted),
                        Strictness.weakenings(granted, shorter))
                .stream().map(Weakening::grantKey).toList());
    }

    @Test
    void headerWeakeningsUseTheHeaderNameAsTarget() {
        List<Weakening> weakenings = Strictness.weakenings(FrameOptions.DENY, FrameOptions.SAMEORIGIN);

        assertEquals(List.of("x-frame-options:sameorigin"), weakenings.stream().map(Weakening::grantKey).toList());
    }
}
