package org.secheaders.domain.scan;

import static org.secheaders.domain.scan.NotEvaluatedReason.CANCELLED;
import static org.secheaders.domain.scan.NotEvaluatedReason.TLS_ERROR;
import static org.secheaders.domain.scan.NotEvaluatedReason.TOO_MANY_REDIRECTS;
import static org.secheaders.domain.scan.NotEvaluatedReason.UNREACHABLE;
import static org.secheaders.domain.scan.NotEvaluatedReason.UNSUPPORTED_STATUS;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.secheaders.domain.grading.CorsProbe;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.HttpProbe;
import org.secheaders.domain.grading.HttpsProbe;
import org.secheaders.domain.grading.RedirectHop;
import org.secheaders.domain.grading.ResponseEvidence;
import org.secheaders.domain.grading.ResponseHeaders;

/**
 * Fetches the URL a user names and collects the evidence the Observatory grader and the compliance
 * engine read: the final response after redirects (the Observatory's {@code auto}), the route of
 * the site's {@code http://} URL, and two CORS probes. Nothing else is requested: no links, no
 * subresources, no {@code robots.txt}.
 *
 * <p>Requests, for a URL {@code u}:
 * <ol>
 *   <li>GET {@code u}, following up to {@code maxRedirects} redirects by hand;</li>
 *   <li>if {@code u} is {@code https://}: GET the same host and path over {@code http://} and
 *       follow its redirects, for the redirection test (if {@code u} is {@code http://}, step 1
 *       already is that route);</li>
 *   <li>GET the final URL again with {@code Origin: https://scanner-probe.invalid}, and once more
 *       with {@code Origin: null}, without following redirects.</li>
 * </ol>
 * Only step 1 can fail the scan; a probe that fails leaves its test not evaluated.
 *
 * <p>Thread-safe: one scanner serves any number of concurrent scans. Create one and share it,
 * since each owns a JDK HTTP client with its own connection pool and selector thread.
 */
public final class HeaderScanner {
    /** A foreign origin that cannot exist ({@code .invalid}, RFC 6761), so only a reflecting server allows it. */
    public static final String FOREIGN_ORIGIN = "https://scanner-probe.invalid";
    /** What sandboxed frames and {@code file:} pages send; allowing it is allowing anyone. */
    public static final String NULL_ORIGIN = "null";

    private final ScannerSettings settings;
    private final Fetcher fetcher;
    private final RedirectFollower redirects;

    public HeaderScanner() {
        this(ScannerSettings.defaults());
    }

    public HeaderScanner(ScannerSettings settings) {
        this.settings = settings;
        this.fetcher = new Fetcher(settings);
        this.redirects = new RedirectFollower(fetcher, settings.targetPolicy(), settings.limits().maxRedirects());
    }

    /** Scans one URL. Network trouble of any kind comes back as {@link ScanResult.NotEvaluated}, never thrown. */
    public ScanResult scan(ScanRequest request) {
        long started = System.nanoTime();
        Deadline deadline = Deadline.after(settings.limits().totalTimeout());
        try {
            URI url = settings.targetPolicy().admit(request.url());
            Route route = redirects.follow(url, settings.limits().maxBodyBytes(), deadline);
            FetchedResponse last = route.last();
            if (route.endedAtRedirectLimit()) {
                return new ScanResult.NotEvaluated(TOO_MANY_REDIRECTS, url + " still redirected after "
                        + settings.limits().maxRedirects() + " redirects (last from " + last.url() + ")");
            }
            if (!graded(last.status())) {
                return new ScanResult.NotEvaluated(UNSUPPORTED_STATUS, last.url() + " answered " + last.status()
                        + "; only 2xx, 3xx, 401 and 403 responses are graded");
            }
            ResponseEvidence evidence = evidence(url, route, request.httpProbePort(), deadline);
            return new ScanResult.Scanned(evidence, route.hops(), last.status(),
                    Duration.ofNanos(System.nanoTime() - started), last.headerLines());
        } catch (ScanAbort abort) {
            return abort.result();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ScanResult.NotEvaluated(CANCELLED, "scan of " + request.url() + " was interrupted");
        }
    }

    /** The statuses the Observatory scores; it refuses to grade any other. */
    private static boolean graded(int status) {
        return (status >= 200 && status < 400) || status == 401 || status == 403;
    }

    private ResponseEvidence evidence(URI requested, Route route, OptionalInt httpProbePort, Deadline deadline)
            throws InterruptedException {
        FetchedResponse last = route.last();
        ResponseHeaders headers = ResponseHeaders.fromFieldLines(last.headerLines());
        boolean overHttps = isHttps(last.url());
        // A chain that ends on https:// passed certificate verification, or it would have failed the scan.
        HttpsProbe https = overHttps ? new HttpsProbe.Reached(headers, true) : new HttpsProbe.Unreachable();
        HttpProbe http = isHttps(requested) ? httpProbe(requested, httpProbePort, deadline)
                : new HttpProbe.Reached(true, route.hops());
        Optional<CorsProbe> foreignOrigin = corsProbe(last.url(), FOREIGN_ORIGIN, deadline);
        Optional<CorsProbe> nullOrigin = corsProbe(last.url(), NULL_ORIGIN, deadline);
        return new ResponseEvidence(headers, HtmlMetaScanner.policies(last.htmlPrefix()), overHttps, https, http,
                foreignOrigin, Optional.of(last.url().getHost().toLowerCase(Locale.ROOT)), nullOrigin);
    }

    /**
     * The route of {@code http://} on the same host and path. Nothing listening there means no
     * redirect is needed; a certificate failure further along is the redirection test's
     * {@code invalid-cert}; anything else (a timeout, a refused or broken hop) leaves the test
     * not evaluated rather than guessed.
     */
    private HttpProbe httpProbe(URI httpsUrl, OptionalInt port, Deadline deadline) throws InterruptedException {
        String portPart = port.isPresent() ? ":" + port.getAsInt() : "";
        String query = httpsUrl.getRawQuery() == null ? "" : "?" + httpsUrl.getRawQuery();
        try {
            URI probe = settings.targetPolicy()
                    .admit("http://" + httpsUrl.getHost() + portPart + httpsUrl.getRawPath() + query);
            return new HttpProbe.Reached(true, redirects.follow(probe, 0, deadline).hops());
        } catch (ScanAbort abort) {
            List<RedirectHop> answered = abort.routeSoFar();
            if (answered.isEmpty()) {
                return abort.reason() == UNREACHABLE ? new HttpProbe.Unreachable() : new HttpProbe.NotProbed();
            }
            return abort.reason() == TLS_ERROR ? new HttpProbe.Reached(false, answered)
                    : new HttpProbe.NotProbed();
        }
    }

    /** What the final URL allows a request from {@code origin}; only the CORS headers and {@code Vary} are kept. */
    private Optional<CorsProbe> corsProbe(URI url, String origin, Deadline deadline) throws InterruptedException {
        try {
            FetchedResponse response = fetcher.get(url, List.of(new HeaderField("Origin", origin)), 0, deadline);
            List<HeaderField> cors = response.headerLines().stream().filter(HeaderScanner::isCorsHeader).toList();
            return Optional.of(new CorsProbe(origin, ResponseHeaders.fromFieldLines(cors)));
        } catch (ScanAbort abort) {
            return Optional.empty();
        }
    }

    private static boolean isCorsHeader(HeaderField line) {
        String name = line.name().toLowerCase(Locale.ROOT);
        return name.startsWith("access-control-") || name.equals("vary");
    }

    private static boolean isHttps(URI url) {
        return url.getScheme().equals("https");
    }
}
