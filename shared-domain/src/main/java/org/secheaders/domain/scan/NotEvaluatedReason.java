package org.secheaders.domain.scan;

/** Why a scan produced no evidence; each is a property of the target or the network, not a bug. */
public enum NotEvaluatedReason {
    /** The URL given is not an absolute {@code http://} or {@code https://} URL with a host. */
    INVALID_URL,
    /** The {@link TargetPolicy} refuses the host's addresses. */
    FORBIDDEN_TARGET,
    /** The host name did not resolve, the connection was refused or reset, or the answer was not HTTP. */
    UNREACHABLE,
    /** The TLS handshake failed, typically because the certificate chain did not verify. */
    TLS_ERROR,
    /** A request, or the scan as a whole, ran past its time limit. */
    TIMEOUT,
    /** The site redirected more often than the limit allows. */
    TOO_MANY_REDIRECTS,
    /** A redirect's {@code Location} could not be followed (not a URL, other scheme, credentials). */
    INVALID_REDIRECT,
    /** The final status is one the Observatory does not grade (only 2xx, 3xx, 401 and 403 are). */
    UNSUPPORTED_STATUS,
    /** The scanning thread was interrupted. */
    CANCELLED
}
