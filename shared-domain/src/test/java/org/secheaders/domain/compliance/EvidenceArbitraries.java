package org.secheaders.domain.compliance;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import org.secheaders.domain.compliance.HistoryEvidence.ConfigChange;
import org.secheaders.domain.compliance.HistoryEvidence.PastFailure;
import org.secheaders.domain.grading.CorsProbe;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.HttpProbe;
import org.secheaders.domain.grading.RedirectHop;
import org.secheaders.domain.grading.ResponseEvidence;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.SecuritySeverity;

/** Generated evidence: realistic header values mixed with junk, every source, optional history and drift. */
public final class EvidenceArbitraries {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private EvidenceArbitraries() {
    }

    public static Arbitrary<ResponseHeaders> headerSets() {
        Arbitrary<HeaderField> field = Arbitraries.oneOf(
                field("Content-Security-Policy", "default-src 'none'", "default-src 'self'; frame-ancestors 'none'",
                        "script-src 'unsafe-inline'", "default-src *", "script-src 'strict-dynamic'",
                        "script-src 'nonce-abcdefgh12' 'strict-dynamic' 'unsafe-inline'; object-src 'none'; base-uri 'none'",
                        "default-src 'self' https://cdn.example; report-to csp; form-action 'self'",
                        "default-src 'self'; script-src-elem 'unsafe-inline'; block-all-mixed-content"),
                field("Content-Security-Policy-Report-Only", "default-src 'none'; report-uri /r"),
                field("Reporting-Endpoints", "csp=\"https://r.example\""),
                field("Strict-Transport-Security", "max-age=31536000", "max-age=31535999; includeSubDomains", "max-age=0",
                        "max-age=63072000; includeSubDomains; preload", "includeSubDomains"),
                field("X-Frame-Options", "DENY", "SAMEORIGIN", "ALLOW-FROM https://a.example", "whimsy"),
                field("X-Content-Type-Options", "nosniff", "whimsy"),
                field("Referrer-Policy", "no-referrer", "unsafe-url", "origin", "strict-origin, bogus"),
                field("Permissions-Policy", "camera=()", "camera=*, geolocation=(self)", "bogus"),
                field("Feature-Policy", "camera 'none'"),
                field("Cross-Origin-Opener-Policy", "same-origin", "unsafe-none", "Same-Origin"),
                field("Cross-Origin-Embedder-Policy", "require-corp", "credentialless", "whimsy"),
                field("Cross-Origin-Resource-Policy", "same-origin", "cross-origin", "whimsy"),
                field("Set-Cookie", "SESSIONID=a", "__Host-sid=a; Path=/; Secure; HttpOnly; SameSite=Lax", "csrf=a; Secure",
                        "prefs=a; SameSite=None", "id=a; SameSite=Bogus", "__Secure-x=1"),
                field("Content-Type", "text/html", "application/json", "text/html; charset=utf-8"),
                field("Server", "nginx/1.25.3", "cloudflare"),
                field("X-Powered-By", "Express"),
                field("X-XSS-Protection", "0", "1; mode=block"),
                field("Access-Control-Allow-Origin", "*", "null", "https://a.example"),
                field("Access-Control-Allow-Credentials", "true"),
                field("Cache-Control", "no-store", "private", "public, max-age=600"),
                field("Clear-Site-Data", "\"*\"", "\"cache\""),
                Combinators.combine(Arbitraries.of("Content-Security-Policy", "Strict-Transport-Security", "Set-Cookie",
                                "Permissions-Policy", "Referrer-Policy", "X-Frame-Options", "X-Other"),
                        Arbitraries.strings().withChars("abcdefgnoqrs-=*:;,'\"() /").ofMaxLength(30))
                        .as(HeaderField::new));
        return field.list().ofMaxSize(12).map(ResponseHeaders::fromFieldLines);
    }

    public static Arbitrary<EvidenceBundle> bundles() {
        return Combinators.combine(headerSets(), Arbitraries.of(EvidenceSource.values()), profiles(),
                histories().optional(), headerSets().optional(), corsProbes().optional(), httpProbes())
                .as(EvidenceArbitraries::bundle);
    }

    public static Arbitrary<EvaluationOptions> options() {
        return Combinators.combine(Arbitraries.of(AsvsVersion.values()), Arbitraries.integers().between(1, 3))
                .as(EvaluationOptions::new);
    }

    private static EvidenceBundle bundle(ResponseHeaders headers, EvidenceSource source, ResponseProfile profile,
                                         Optional<HistoryEvidence> history, Optional<ResponseHeaders> configured,
                                         Optional<CorsProbe> cors, HttpProbe http) {
        EvidenceBundle bundle = switch (source) {
            case CONFIGURED -> EvidenceBundle.configured(headers);
            case SUPPLIED -> EvidenceBundle.supplied(headers);
            case OBSERVED -> {
                ResponseEvidence evidence = ResponseEvidence.ofHeaders(headers).withHttp(http).withHostname("shop.example");
                yield EvidenceBundle.observed(cors.map(evidence::withCors).orElse(evidence));
            }
        };
        bundle = bundle.withProfile(profile);
        bundle = history.map(bundle::withHistory).orElse(bundle);
        EvidenceBundle withHistory = bundle;
        return configured.map(c -> withHistory.withDrift(new ConfiguredVsObserved(c, headers))).orElse(withHistory);
    }

    private static Arbitrary<ResponseProfile> profiles() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(ResponseProfile::new);
    }

    private static Arbitrary<CorsProbe> corsProbes() {
        return Combinators.combine(Arbitraries.of("https://evil.example", "null"),
                        field("Access-Control-Allow-Origin", "*", "null", "https://evil.example").list().ofMaxSize(1),
                        Arbitraries.of(true, false))
                .as((origin, fields, credentials) -> new CorsProbe(origin, ResponseHeaders.fromFieldLines(credentials
                        ? Stream.concat(fields.stream(), Stream.of(new HeaderField("Access-Control-Allow-Credentials", "true"))).toList()
                        : fields)));
    }

    private static Arbitrary<HttpProbe> httpProbes() {
        Arbitrary<HttpProbe> reached = Arbitraries.of(
                List.of(hop(301, "http://shop.example/"), hop(200, "https://shop.example/")),
                List.of(hop(302, "http://shop.example/"), hop(200, "https://www.shop.example/")),
                List.of(hop(200, "http://shop.example/")),
                List.of(hop(403, "http://shop.example/"))).map(route -> new HttpProbe.Reached(true, route));
        return Arbitraries.oneOf(reached, Arbitraries.of(new HttpProbe.NotProbed(), new HttpProbe.Unreachable()));
    }

    private static RedirectHop hop(int status, String url) {
        return new RedirectHop(URI.create(url), status);
    }

    public static Arbitrary<HistoryEvidence> histories() {
        Arbitrary<Instant> instant = Arbitraries.integers().between(0, 60 * 24).map(h -> START.plus(Duration.ofHours(h)));
        Arbitrary<PastFailure> failure = Combinators.combine(Arbitraries.of(SecuritySeverity.values()), instant,
                        instant.optional(), instant.optional())
                .as((severity, detected, acknowledged, resolved) -> new PastFailure("hsts.present", severity, detected,
                        acknowledged.filter(a -> !a.isBefore(detected)), resolved.filter(r -> !r.isBefore(detected))));
        Arbitrary<ConfigChange> change = Combinators.combine(instant, Arbitraries.of("ana", "").optional(),
                Arbitraries.of("bo").optional()).as(ConfigChange::new);
        return Combinators.combine(Arbitraries.integers().between(1, 60), instant.list().ofMaxSize(12),
                        failure.list().ofMaxSize(4), change.list().ofMaxSize(4), instant.optional())
                .as((days, scans, failures, changes, report) -> new HistoryEvidence(START,
                        START.plus(Duration.ofDays(days)), scans, failures, changes, report));
    }

    private static Arbitrary<HeaderField> field(String name, String... values) {
        return Arbitraries.of(List.of(values)).map(value -> new HeaderField(name, value));
    }
}
