package org.secheaders.domain.grading;

import java.net.URI;
import java.util.Objects;

/** One step of a redirect route: the URL requested and the status it answered with. */
public record RedirectHop(URI url, int status) {
    public RedirectHop {
        Objects.requireNonNull(url, "url");
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("redirect URL must be absolute: " + url);
        }
    }

    boolean isHttps() {
        return "https".equalsIgnoreCase(url.getScheme());
    }

    boolean isHttp() {
        return "http".equalsIgnoreCase(url.getScheme());
    }
}
