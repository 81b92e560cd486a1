package org.secheaders.domain.scan;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One URL to scan, as the user typed it; the scanner validates it.
 *
 * @param url           the page to fetch; only this URL and the redirects it answers with are
 *                      requested
 * @param httpProbePort port of the plain-HTTP probe sent for an {@code https://} URL, for sites
 *                      that serve HTTP on another port than 80 (the Observatory's {@code httpPort})
 */
public record ScanRequest(String url, OptionalInt httpProbePort) {
    public ScanRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(httpProbePort, "httpProbePort");
        httpProbePort.ifPresent(port -> {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("httpProbePort must be 1..65535, was " + port);
            }
        });
    }

    public static ScanRequest of(String url) {
        return new ScanRequest(url, OptionalInt.empty());
    }

    public ScanRequest withHttpProbePort(int port) {
        return new ScanRequest(url, OptionalInt.of(port));
    }
}
