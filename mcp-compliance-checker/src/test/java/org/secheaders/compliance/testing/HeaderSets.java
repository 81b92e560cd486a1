package org.secheaders.compliance.testing;

import org.secheaders.domain.grading.ResponseHeaders;

/** Header sets for report tests: a weak one, a strong one and one whose values try to break out of every format. */
public final class HeaderSets {

    /** The payload the hostile set carries; no rendered report may contain it unescaped. */
    public static final String PAYLOAD = "<script>alert('x')</script> | [click](javascript:alert(1)) *bold* `code` & \"q\"";

    private HeaderSets() {
    }

    public static ResponseHeaders weak() {
        return ResponseHeaders.of(
                "Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline' https:",
                "Strict-Transport-Security", "max-age=86400",
                "X-Powered-By", "PHP/8.1.2");
    }

    public static ResponseHeaders strong() {
        return ResponseHeaders.of(
                "Content-Security-Policy", "default-src 'self'; script-src 'nonce-r4nd0m' 'strict-dynamic'; "
                        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; report-to csp",
                "Reporting-Endpoints", "csp=\"https://reports.example/csp\"",
                "Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload",
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer",
                "Cross-Origin-Opener-Policy", "same-origin",
                "Cross-Origin-Embedder-Policy", "require-corp",
                "Cross-Origin-Resource-Policy", "same-origin",
                "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    }

    public static ResponseHeaders hostile() {
        return ResponseHeaders.of(
                "Content-Security-Policy", "script-src 'unsafe-inline' " + PAYLOAD,
                "X-Powered-By", PAYLOAD,
                "Server", "nginx/1.25.3 " + PAYLOAD);
    }
}
