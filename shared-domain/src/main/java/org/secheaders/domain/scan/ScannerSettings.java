package org.secheaders.domain.scan;

import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How a {@link HeaderScanner} behaves; validated when built.
 *
 * @param userAgent  sent on every request; a browser's, so sites answer as they answer browsers,
 *                   with the product named at the end as the Observatory names itself
 * @param sslContext trust for {@code https://}: the JDK's default trust store unless a
 *                   deployment (or a test with its own certificate) supplies another; a chain
 *                   that does not verify ends the scan with {@code TLS_ERROR}
 */
public record ScannerSettings(ScanLimits limits, TargetPolicy targetPolicy, String userAgent, SSLContext sslContext) {
    public static final String DEFAULT_USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 SecurityHeadersMCP-Scanner/0.1";

    public ScannerSettings {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(targetPolicy, "targetPolicy");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(sslContext, "sslContext");
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("userAgent must be non-blank printable text, was '" + userAgent + "'");
        }
    }

    /** Default limits, any address, the default user agent and the JDK's trust store. */
    public static ScannerSettings defaults() {
        try {
            return new ScannerSettings(ScanLimits.defaults(), TargetPolicy.anyAddress(), DEFAULT_USER_AGENT,
                    SSLContext.getDefault());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }

    public ScannerSettings withLimits(ScanLimits newLimits) {
        return new ScannerSettings(newLimits, targetPolicy, userAgent, sslContext);
    }

    public ScannerSettings withTargetPolicy(TargetPolicy policy) {
        return new ScannerSettings(limits, policy, userAgent, sslContext);
    }

    public ScannerSettings withUserAgent(String agent) {
        return new ScannerSettings(limits, targetPolicy, agent, sslContext);
    }

    public ScannerSettings withSslContext(SSLContext context) {
        return new ScannerSettings(limits, targetPolicy, userAgent, context);
    }
}
