package org.secheaders.domain.demo;

import static org.secheaders.domain.demo.ViolationSource.INLINE;

import java.util.List;

/**
 * The extensions and injectors demo visitors have installed, with signatures from the noise lists of
 * Sentry, Nelmio and relay (design notes §2). Chromium exempts extension URLs from CSP, so its
 * extensions show up as injected inline code and injector hosts; Firefox and Safari report the
 * extension scheme itself ({@code moz-extension}, {@code safari-web-extension}).
 */
final class ExtensionCatalogue {
    private static final String FIREFOX_UUID = "moz-extension://7d3c1f0e-52a4-4a8e-b0c2-91e6a7f4d2b8";
    private static final String SAFARI_UUID = "safari-web-extension://4C8F3A2E-9B1D-4E7A-A6C5-0F2D8B3E1A97";

    private static final List<Extension> ALL = List.of(
            new Extension("React Developer Tools", BrowserFamily.CHROMIUM, 3, List.of(
                    ViolationSource.of("script-src-elem", INLINE, 1)
                            .withSamples("(function installGlobalHook(window){if(window.__REACT_DEVTOOLS_GLOBAL_HOOK__)return;")
                            .inPage(1, 1))),
            new Extension("Kaspersky Protection", BrowserFamily.CHROMIUM, 4, List.of(
                    ViolationSource.of("script-src-elem",
                            "https://me.kis.v2.scr.kaspersky-labs.com/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js?attr=" + ViolationSource.RANDOM_TOKEN, 3),
                    ViolationSource.of("script-src-elem", INLINE, 1)
                            .withSamples("window.klTabId_kis = 'f3a1b62c'; window.klTabUrl = location.href;")
                            .inPage(2, 5))),
            new Extension("AdGuard", BrowserFamily.CHROMIUM, 4, List.of(
                    ViolationSource.of("script-src-elem", INLINE, 2)
                            .withSamples("AG_onLoad=function(func){if(document.readyState===\"complete\"){func()}}")
                            .inPage(1, 1),
                    ViolationSource.of("script-src-elem", "https://injections.adguard.com/adguard-ajax-api/injections/content-script.js", 1))),
            new Extension("Grammarly", BrowserFamily.CHROMIUM, 5, List.of(
                    ViolationSource.of("connect-src", "https://f-log-extension.grammarly.io/log", 1))),
            new Extension("KeePassXC-Browser", BrowserFamily.CHROMIUM, 2, List.of(
                    ViolationSource.of("style-src-elem", INLINE, 1)
                            .withSamples(".cip-genpw-icon{position:absolute;width:24px;height:24px;cursor:pointer}")
                            .inPage(1, 1))),
            new Extension("Zscaler Client Connector", BrowserFamily.CHROMIUM, 2, List.of(
                    ViolationSource.of("script-src-elem", "https://gateway.zscalertwo.net/zscaler/notify.js", 1),
                    ViolationSource.of("img-src", "https://gateway.zscalertwo.net/favicon.ico", 1))),
            new Extension("Page translator", BrowserFamily.CHROMIUM, 1, List.of(
                    // Whole-page translators insert a <base> element pointing at their proxy.
                    ViolationSource.of("base-uri", "https://translate.goog/", 1))),
            new Extension("Inline font injector", BrowserFamily.CHROMIUM, 1, List.of(
                    ViolationSource.of("font-src", "data:font/woff2;base64,d09GMgABAAAAA", 1))),
            new Extension("uBlock Origin", BrowserFamily.FIREFOX, 4, List.of(
                    ViolationSource.of("script-src-elem", FIREFOX_UUID + "/web_accessible_resources/noop.js", 2)
                            .inFile(FIREFOX_UUID + "/js/contentscript.js", 1, 4712),
                    ViolationSource.of("img-src", FIREFOX_UUID + "/img/icon_16.png", 1)
                            .inFile(FIREFOX_UUID + "/js/contentscript.js", 1, 9034))),
            new Extension("Dark Reader", BrowserFamily.FIREFOX, 3, List.of(
                    ViolationSource.of("style-src-elem", INLINE, 3)
                            .withSamples("html{background-color:#181a1b !important;color:#e8e6e3 !important}")
                            .inFile(FIREFOX_UUID + "/inject/index.js", 1, 22910),
                    ViolationSource.of("font-src", FIREFOX_UUID + "/fonts/darkreader.woff2", 1))),
            new Extension("Video DownloadHelper", BrowserFamily.FIREFOX, 1, List.of(
                    ViolationSource.of("script-src-elem", INLINE, 1)
                            .withSamples("var videodownload2 = window.videodownload2 || {};")
                            .inFile(FIREFOX_UUID + "/content/injected.js", 3, 1))),
            new Extension("1Password", BrowserFamily.SAFARI, 4, List.of(
                    ViolationSource.of("img-src", SAFARI_UUID + "/images/icon-inline.svg", 2)
                            .inFile(SAFARI_UUID + "/inline/injected.js", 1, 35021),
                    ViolationSource.of("font-src", SAFARI_UUID + "/fonts/AgileSans.woff2", 1)
                            .inFile(SAFARI_UUID + "/inline/injected.js", 1, 35021))),
            new Extension("AdBlock for Safari", BrowserFamily.SAFARI, 3, List.of(
                    // WebKit masks the URLs of extension scripts.
                    ViolationSource.of("script-src-elem", INLINE, 1)
                            .withSamples("(function(){var abNoOp=function(){};window.googletag=")
                            .inFile("webkit-masked-url://hidden/", 1, 1))));

    private ExtensionCatalogue() {
    }

    static List<Extension> of(BrowserFamily family) {
        return ALL.stream().filter(extension -> extension.family() == family).toList();
    }
}
