package org.secheaders.domain.grading;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the grader reads about one site.
 *
 * @param headers          headers of the final response of the scan (the Observatory's {@code auto}
 *                         response): every header test reads these
 * @param httpEquiv        {@code <meta http-equiv>} values by name ({@code content-security-policy},
 *                         and {@code referrer-policy} for {@code <meta name="referrer">})
 * @param fetchedOverHttps whether the scanned URL is {@code https://}; only then do CSP sources
 *                         with {@code http:} or {@code ftp:} count as insecure
 * @param https            the {@code https://} response, which HSTS is read from
 * @param http             the {@code http://} response and its redirect route
 * @param cors             a cross-origin probe, when one was sent
 * @param hostname         the scanned host, when known: the cookie jar then rejects cookies set
 *                         for other domains and files host-only cookies under it
 * @param nullOriginCors   a probe sent with {@code Origin: null}, when one was sent; the Observatory
 *                         does not read it, the CORS compliance control does (ASVS 4.0.3 14.5.3:
 *                         the {@code null} origin must not be allowed)
 */
public record ResponseEvidence(
        ResponseHeaders headers,
        ResponseHeaders httpEquiv,
        boolean fetchedOverHttps,
        HttpsProbe https,
        HttpProbe http,
        Optional<CorsProbe> cors,
        Optional<String> hostname,
        Optional<CorsProbe> nullOriginCors) {

    public ResponseEvidence {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(httpEquiv, "httpEquiv");
        Objects.requireNonNull(https, "https");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(cors, "cors");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(nullOriginCors, "nullOriginCors");
    }

    /** Evidence without a {@code null}-origin probe, as before that probe existed. */
    public ResponseEvidence(ResponseHeaders headers, ResponseHeaders httpEquiv, boolean fetchedOverHttps,
                            HttpsProbe https, HttpProbe http, Optional<CorsProbe> cors, Optional<String> hostname) {
        this(headers, httpEquiv, fetchedOverHttps, https, http, cors, hostname, Optional.empty());
    }

    /**
     * Evidence from a header set alone (a tenant's configuration, pasted headers): the headers
     * are taken as served over HTTPS with a valid certificate, so HSTS is graded from them too.
     * Redirection, CORS and the HTML-based SRI cases are then reported as not evaluated.
     */
    public static ResponseEvidence ofHeaders(ResponseHeaders headers) {
        return new ResponseEvidence(headers, ResponseHeaders.empty(), true,
                new HttpsProbe.Reached(headers, true), new HttpProbe.NotProbed(), Optional.empty(), Optional.empty());
    }

    public ResponseEvidence withHttpEquiv(ResponseHeaders metaValues) {
        return new ResponseEvidence(headers, metaValues, fetchedOverHttps, https, http, cors, hostname, nullOriginCors);
    }

    public ResponseEvidence withFetchedOverHttps(boolean overHttps) {
        return new ResponseEvidence(headers, httpEquiv, overHttps, https, http, cors, hostname, nullOriginCors);
    }

    public ResponseEvidence withHttps(HttpsProbe probe) {
        return new ResponseEvidence(headers, httpEquiv, fetchedOverHttps, probe, http, cors, hostname, nullOriginCors);
    }

    public ResponseEvidence withHttp(HttpProbe probe) {
        return new ResponseEvidence(headers, httpEquiv, fetchedOverHttps, https, probe, cors, hostname, nullOriginCors);
    }

    public ResponseEvidence withCors(CorsProbe probe) {
        return new ResponseEvidence(headers, httpEquiv, fetchedOverHttps, https, http, Optional.of(probe), hostname,
                nullOriginCors);
    }

    public ResponseEvidence withHostname(String host) {
        return new ResponseEvidence(headers, httpEquiv, fetchedOverHttps, https, http, cors,
                Optional.of(host.toLowerCase(Locale.ROOT)), nullOriginCors);
    }

    public ResponseEvidence withNullOriginCors(CorsProbe probe) {
        return new ResponseEvidence(headers, httpEquiv, fetchedOverHttps, https, http, cors, hostname, Optional.of(probe));
    }
}
