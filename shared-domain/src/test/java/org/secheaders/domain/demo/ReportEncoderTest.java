package org.secheaders.domain.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReportEncoderTest {
    private static final String SITE = "https://shop.example";

    private static String reported(String resource, Browser browser, String directive) {
        return ReportEncoder.reportedBlockedUri(resource, browser, directive, SITE);
    }

    @Test
    void chromiumAndWebKitCutCrossOriginUrlsToTheOrigin() {
        String pixel = "https://www.facebook.com/tr?id=1439628870&ev=PageView";
        assertEquals("https://www.facebook.com", reported(pixel, Browser.CHROME_DESKTOP, "img-src"));
        assertEquals("https://www.facebook.com", reported(pixel, Browser.SAFARI_IOS, "img-src"));
        assertEquals(pixel, reported(pixel, Browser.FIREFOX_148, "img-src"));
    }

    @Test
    void chromiumKeepsThePathForFrames() {
        String embed = "https://www.youtube.com/embed/M7lc1UVf-VE";
        assertEquals(embed, reported(embed, Browser.EDGE, "frame-src"));
    }

    @Test
    void sameOriginUrlsKeepTheirPathButNeverTheFragment() {
        assertEquals(SITE + "/product/tote", reported(SITE + "/product/tote#reviews", Browser.CHROME_DESKTOP, "frame-ancestors"));
        assertEquals("https://connect.facebook.net/en_US/sdk.js",
                reported("https://connect.facebook.net/en_US/sdk.js#xfbml=1", Browser.FIREFOX_148, "script-src-elem"));
    }

    @Test
    void nonNetworkUrlsAreReportedAsTheirSchemeExceptByOldFirefox() {
        String extension = "moz-extension://7d3c1f0e/web_accessible_resources/noop.js";
        assertEquals("moz-extension", reported(extension, Browser.FIREFOX_148, "script-src-elem"));
        assertEquals(extension, reported(extension, Browser.FIREFOX_102, "script-src-elem"));
        assertEquals("data", reported("data:font/woff2;base64,d09G", Browser.CHROME_ANDROID, "font-src"));
    }

    @Test
    void keywordsAreReportedAsTheyAre() {
        assertEquals("inline", reported(ViolationSource.INLINE, Browser.SAFARI_MAC, "script-src-elem"));
        assertEquals("trusted-types-sink", reported(ViolationSource.TRUSTED_TYPES_SINK, Browser.CHROME_DESKTOP,
                "require-trusted-types-for"));
    }
}
