package org.secheaders.domain.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyMatcherTest {
    private static final String SITE = "https://shop.example";

    private static SitePolicy policy(Set<String> nonceDirectives, String... directives) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String directive : directives) {
            String[] parts = directive.split(" ");
            map.put(parts[0], List.of(parts).subList(1, parts.length));
        }
        return new SitePolicy(map, nonceDirectives, false);
    }

    private static boolean blocks(SitePolicy policy, String directive, String blocked) {
        return PolicyMatcher.blocks(policy, directive, blocked, SITE);
    }

    @Test
    void strictDynamicIgnoresHostAndSchemeSources() {
        SitePolicy strict = policy(Set.of("script-src"), "script-src 'strict-dynamic' 'unsafe-inline' https: 'self'");
        assertTrue(blocks(strict, "script-src-elem", "https://static.hotjar.com/c/hotjar.js"));
        assertTrue(blocks(strict, "script-src-elem", SITE + "/app.js"));
    }

    @Test
    void aNonceOrHashDisablesUnsafeInlineForElementsOnly() {
        SitePolicy nonced = policy(Set.of("style-src"), "style-src 'self' 'unsafe-inline'");
        assertTrue(blocks(nonced, "style-src-elem", ViolationSource.INLINE));
        assertFalse(blocks(nonced, "style-src-attr", ViolationSource.INLINE));
        SitePolicy hashed = policy(Set.of(), "style-src 'self' 'unsafe-inline' 'sha256-abc='");
        assertTrue(blocks(hashed, "style-src-elem", ViolationSource.INLINE));
        SitePolicy unsafe = policy(Set.of(), "style-src 'self' 'unsafe-inline'");
        assertFalse(blocks(unsafe, "style-src-elem", ViolationSource.INLINE));
    }

    @Test
    void selfMatchesTheSiteOriginButNotItsSubdomains() {
        SitePolicy self = policy(Set.of(), "connect-src 'self'");
        assertFalse(blocks(self, "connect-src", SITE + "/api/cart"));
        assertTrue(blocks(self, "connect-src", "https://api.shop.example/v1"));
        assertFalse(blocks(self, "connect-src", "wss://shop.example/socket"));
    }

    @Test
    void matchesHostWildcardsAndSchemeSources() {
        SitePolicy allowlist = policy(Set.of(), "connect-src https://*.google-analytics.com", "img-src 'self' data: https:");
        assertFalse(blocks(allowlist, "connect-src", "https://region1.google-analytics.com/g/collect"));
        assertTrue(blocks(allowlist, "connect-src", "https://stats.g.doubleclick.net/g/collect"));
        assertFalse(blocks(allowlist, "img-src", "https://www.facebook.com/tr?id=1"));
        assertFalse(blocks(allowlist, "img-src", "data:image/png;base64,iVBOR"));
        assertTrue(blocks(allowlist, "img-src", "moz-extension://7d3c/icon.png"));
    }

    @Test
    void fallsBackToDefaultSrcButNotForDocumentDirectives() {
        SitePolicy minimal = policy(Set.of(), "default-src 'self'");
        assertTrue(blocks(minimal, "font-src", "https://fonts.gstatic.com/s/inter.woff2"));
        assertTrue(blocks(minimal, "script-src-elem", ViolationSource.INLINE));
        assertFalse(blocks(minimal, "base-uri", "https://translate.goog/"));
        assertFalse(blocks(minimal, "frame-ancestors", SITE + "/"));
    }

    @Test
    void reportsFramingAndSinksWheneverTheirDirectiveIsPresent() {
        SitePolicy strict = policy(Set.of(), "frame-ancestors 'self'", "require-trusted-types-for 'script'");
        assertTrue(blocks(strict, "frame-ancestors", SITE + "/reports/q1"));
        assertTrue(blocks(strict, "require-trusted-types-for", ViolationSource.TRUSTED_TYPES_SINK));
    }

    @Test
    void evalNeedsUnsafeEval() {
        assertTrue(blocks(policy(Set.of(), "script-src 'self'"), "script-src", ViolationSource.EVAL));
        assertFalse(blocks(policy(Set.of(), "script-src 'self' 'unsafe-eval'"), "script-src", ViolationSource.EVAL));
    }
}
