package org.secheaders.domain.scan;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one scan may cost the scanner and the site.
 *
 * @param requestTimeout time for one request, from sending it to the end of the body read
 * @param totalTimeout   time for the whole scan: every redirect, the {@code http://} probe and
 *                       the CORS probes
 * @param maxRedirects   redirects followed from one URL before giving up
 * @param maxBodyBytes   bytes of an HTML body read for {@code <meta>} policies; the rest is not
 *                       downloaded
 */
public record ScanLimits(Duration requestTimeout, Duration totalTimeout, int maxRedirects, int maxBodyBytes) {
    private static final int MAX_REDIRECTS_CEILING = 20;
    private static final int MAX_BODY_CEILING = 16 * 1024 * 1024;

    public ScanLimits {
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(totalTimeout, "totalTimeout");
        if (maxRedirects < 0 || maxRedirects > MAX_REDIRECTS_CEILING) {
            throw new IllegalArgumentException(
                    "maxRedirects must be 0.." + MAX_REDIRECTS_CEILING + ", was " + maxRedirects);
        }
        if (maxBodyBytes < 0 || maxBodyBytes > MAX_BODY_CEILING) {
            throw new IllegalArgumentException("maxBodyBytes must be 0.." + MAX_BODY_CEILING + ", was " + maxBodyBytes);
        }
    }

    /** 5 s per request, 15 s per scan, 5 redirects, 256 KiB of HTML. */
    public static ScanLimits defaults() {
        return new ScanLimits(Duration.ofSeconds(5), Duration.ofSeconds(15), 5, 256 * 1024);
    }

    public ScanLimits withRequestTimeout(Duration timeout) {
        return new ScanLimits(timeout, totalTimeout, maxRedirects, maxBodyBytes);
    }

    public ScanLimits withTotalTimeout(Duration timeout) {
        return new ScanLimits(requestTimeout, timeout, maxRedirects, maxBodyBytes);
    }

    public ScanLimits withMaxRedirects(int redirects) {
        return new ScanLimits(requestTimeout, totalTimeout, redirects, maxBodyBytes);
    }

    public ScanLimits withMaxBodyBytes(int bytes) {
        return new ScanLimits(requestTimeout, totalTimeout, maxRedirects, bytes);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
