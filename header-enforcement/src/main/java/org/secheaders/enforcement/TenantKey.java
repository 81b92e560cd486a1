package org.secheaders.enforcement;

/**
 * The external identifier of a tenant as a request carries it (host map value, header value or
 * path segment) and as the policy source knows it. Validated on construction because resolvers
 * build keys from client-controlled input.
 */
public record TenantKey(String id) {
    private static final int MAX_LENGTH = 100;

    public TenantKey {
        if (!isValid(id)) {
            throw new IllegalArgumentException("tenant id '" + id + "' must be 1-" + MAX_LENGTH
                    + " characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /**
     * True when {@code candidate} would make a valid key; resolvers use it to ignore junk input.
     * A plain loop rather than a regex: it runs per request.
     */
    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH
                || !isLetterOrDigit(candidate.charAt(0))) {
            return false;
        }
        for (int i = 1; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (!isLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return id;
    }
}
