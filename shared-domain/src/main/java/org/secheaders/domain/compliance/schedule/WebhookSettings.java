package org.secheaders.domain.compliance.schedule;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where non-compliance events are posted and how hard to try.
 *
 * @param secret   when present, each post is signed (see {@link WebhookSignature})
 * @param timeout  for connecting and for the whole answer of one post
 * @param tries    posts per delivery (1 + retries), with {@code backoff} doubling in between
 */
public record WebhookSettings(URI url, Optional<String> secret, Duration timeout, int tries, Duration backoff) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_TRIES = 3;
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);

    public WebhookSettings {
        Objects.requireNonNull(url, "url");
        String scheme = Optional.ofNullable(url.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("webhook URL '" + url + "' must be an absolute http:// or https:// URL");
        }
        Objects.requireNonNull(secret, "secret");
        if (secret.isPresent() && secret.get().isEmpty()) {
            secret = Optional.empty();
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("webhook timeout must be positive: " + timeout);
        }
        if (tries < 1 || tries > 10) {
            throw new IllegalArgumentException("webhook tries must be 1-10: " + tries);
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("webhook backoff must not be negative: " + backoff);
        }
    }

    /** The URL with the defaults for timeout, tries and backoff. */
    public static WebhookSettings of(URI url, Optional<String> secret) {
        return new WebhookSettings(url, secret, DEFAULT_TIMEOUT, DEFAULT_TRIES, DEFAULT_BACKOFF);
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "WebhookSettings[url=" + url + ", secret=" + (secret.isPresent() ? "***" : "none") + ", timeout=" + timeout
                + ", tries=" + tries + ", backoff=" + backoff + "]";
    }
}
