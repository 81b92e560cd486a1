package org.secheaders.enforcement.collector;

import java.nio.charset.StandardCharsets;

/** Report bodies as browsers send them (shapes from the design notes §1 and what Chromium sent here). */
final class SampleReports {
    static final String CHROME_UA =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

    private SampleReports() {
    }

    /** report-uri: an inline script whose sample reads the cookie (malicious, xss, critical). */
    static byte[] legacyInjection(String page) {
        return utf8("""
                {"csp-report": {"document-uri": "https://shop.example%s", "referrer": "",
                  "violated-directive": "script-src-elem", "effective-directive": "script-src-elem",
                  "original-policy": "default-src 'self'; report-uri /csp-report/acme", "disposition": "enforce",
                  "blocked-uri": "inline", "status-code": 200, "script-sample": "alert(document.cookie)",
                  "source-file": "https://shop.example%s", "line-number": 12, "column-number": 3}}""".formatted(page, page));
    }

    /** report-uri: a script from an unknown host (suspicious, medium). */
    static byte[] legacyUnknownHost(String page) {
        return utf8("""
                {"csp-report": {"document-uri": "https://shop.example%s", "effective-directive": "script-src-elem",
                  "original-policy": "default-src 'self'", "disposition": "enforce",
                  "blocked-uri": "https://cdn.unknown.example/lib.js", "status-code": 200}}""".formatted(page));
    }

    /** report-uri: a browser extension's script (noise: false_positive, low). */
    static byte[] legacyExtensionNoise() {
        return utf8("""
                {"csp-report": {"document-uri": "https://shop.example/", "effective-directive": "script-src-elem",
                  "original-policy": "default-src 'self'", "disposition": "enforce",
                  "blocked-uri": "chrome-extension://abcdefghijklmnop/inject.js", "status-code": 200}}""");
    }

    /** A Reporting API batch: an image from an unknown host, plus a deprecation report (counted, not stored). */
    static byte[] batchWithDeprecation() {
        return utf8("""
                [{"age": 120, "type": "csp-violation", "url": "https://shop.example/gallery", "user_agent": "%s",
                  "body": {"blockedURL": "https://img.unknown.example/a.png", "effectiveDirective": "img-src",
                           "documentURL": "https://shop.example/gallery", "disposition": "enforce",
                           "originalPolicy": "img-src 'self'; report-to csp-endpoint", "statusCode": 200}},
                 {"age": 80, "type": "deprecation", "url": "https://shop.example/gallery", "user_agent": "%s",
                  "body": {"id": "UnloadHandler", "message": "Unload event listeners are deprecated"}}]"""
                .formatted(CHROME_UA, CHROME_UA));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
