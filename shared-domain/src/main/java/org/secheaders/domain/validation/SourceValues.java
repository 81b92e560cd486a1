package org.secheaders.domain.validation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.secheaders.domain.csp.SourceExpression;

/**
 * String views of source expressions. Several Evaluator checks are defined on the written token
 * rather than on its grammar (a malformed {@code //*} still allows everything, an invalid nonce is
 * still a nonce to warn about), so these helpers work on the serialized form of any expression.
 */
final class SourceValues {

    private static final Pattern URL_SCHEME_PREFIX = Pattern.compile("^\\w[+\\w.-]*://");
    private static final Pattern URL_SCHEME = Pattern.compile("[a-zA-Z][+a-zA-Z0-9.-]*:");
    private static final Pattern NONCE = Pattern.compile("'nonce-(.+)'");
    private static final Pattern STRICT_NONCE = Pattern.compile("'nonce-[a-zA-Z0-9+/_-]+={0,2}'");
    private static final Pattern STRICT_HASH = Pattern.compile("'(sha256|sha384|sha512)-[a-zA-Z0-9+/_-]+={0,2}'");

    private SourceValues() {
    }

    static List<String> serialized(List<SourceExpression> sources) {
        return sources.stream().map(SourceExpression::serialize).toList();
    }

    /** {@code https://a.com/x} and {@code //a.com/x} both become {@code a.com/x}. */
    static String schemeFree(String value) {
        String withoutScheme = URL_SCHEME_PREFIX.matcher(value).replaceFirst("");
        return withoutScheme.startsWith("//") ? withoutScheme.substring(2) : withoutScheme;
    }

    /** The lower-case host of a source written with or without scheme, port and path; IPv6 keeps its brackets. */
    static String hostname(String value) {
        String rest = schemeFree(value);
        int end = firstIndexOf(rest, "/?#");
        String authority = rest.substring(0, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return (close < 0 ? authority : authority.substring(0, close + 1)).toLowerCase(Locale.ROOT);
        }
        int colon = authority.indexOf(':');
        return (colon < 0 ? authority : authority.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    /** Everything after the host, without query and fragment; {@code /} when there is none. */
    static String path(String schemeFreeValue) {
        int start = firstIndexOf(schemeFreeValue, "/?#");
        int end = firstIndexOf(schemeFreeValue, "?#");
        String path = start < end ? schemeFreeValue.substring(start, end) : "";
        return path.startsWith("/") ? path : "/";
    }

    static boolean isUrlScheme(String value) {
        return URL_SCHEME.matcher(value).matches();
    }

    /** Any {@code 'nonce-…'} token, base64 or not. */
    static boolean isNonce(String value) {
        return NONCE.matcher(value).matches();
    }

    /** A nonce whose value uses the base64 charset only. */
    static boolean isStrictNonce(String value) {
        return STRICT_NONCE.matcher(value).matches();
    }

    /** A sha256/384/512 hash whose value uses the base64 charset only. */
    static boolean isStrictHash(String value) {
        return STRICT_HASH.matcher(value).matches();
    }

    /** The nonce value of a {@code 'nonce-…'} token (call only when {@link #isNonce} holds). */
    static String nonceValue(String value) {
        return value.substring("'nonce-".length(), value.length() - 1);
    }

    private static int firstIndexOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
