package org.secheaders.domain.compliance;

import java.util.EnumSet;
import java.util.Set;

import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.ComplianceFramework;

/** Header sets the compliance tests share. */
public final class Fixtures {
    public static final Set<ComplianceFramework> ALL = EnumSet.allOf(ComplianceFramework.class);

    /** Everything the catalogue asks of a response, up to ASVS level 3. */
    public static final ResponseHeaders STRONG = ResponseHeaders.of(
            "Content-Type", "text/html; charset=utf-8",
            "Content-Security-Policy", "default-src 'self'; script-src 'nonce-R4nd0mN0nce12' 'strict-dynamic'; "
                    + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; report-to csp",
            "Reporting-Endpoints", "csp=\"https://reports.example/csp\"",
            "Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Permissions-Policy", "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), "
                    + "gyroscope=(), hid=(), interest-cohort=(), magnetometer=(), microphone=(), payment=(), serial=(), usb=()",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Embedder-Policy", "require-corp",
            "Cross-Origin-Resource-Policy", "same-origin",
            "Set-Cookie", "__Host-session=abc; Path=/; Secure; HttpOnly; SameSite=Lax");

    /** A typical neglected site. */
    public static final ResponseHeaders WEAK = ResponseHeaders.of(
            "Content-Type", "text/html",
            "Content-Security-Policy", "default-src 'self' 'unsafe-inline' 'unsafe-eval'; img-src *",
            "Strict-Transport-Security", "max-age=86400",
            "X-Frame-Options", "SAMEORIGIN",
            "Server", "Apache/2.4.41 (Ubuntu)",
            "X-Powered-By", "PHP/7.4.3",
            "X-XSS-Protection", "1; mode=block",
            "Set-Cookie", "PHPSESSID=9f8e7d6c; path=/");

    private Fixtures() {
    }
}
