package org.secheaders.enforcement;

/**
 * What the header service needs to know about a request. Only the transport matters today:
 * HTTPS-only headers (Strict-Transport-Security) are dropped on plain HTTP, as browsers ignore
 * them there and secure_headers and Spring Security do the same.
 */
public record RequestInfo(boolean secure) {
    private static final RequestInfo HTTPS = new RequestInfo(true);
    private static final RequestInfo HTTP = new RequestInfo(false);

    public static RequestInfo https() {
        return HTTPS;
    }

    public static RequestInfo http() {
        return HTTP;
    }

    public static RequestInfo of(boolean secure) {
        return secure ? HTTPS : HTTP;
    }
}
