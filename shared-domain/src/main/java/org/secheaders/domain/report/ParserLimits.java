package org.secheaders.domain.report;

/**
 * Caps applied while parsing. The HTTP caller caps the body before reading it; these guard the parser
 * itself against any caller. Defaults follow the design notes: bodies up to 1 MiB (relay's security
 * endpoint limit) and about 100 reports per batch.
 *
 * @param maxBodyBytes   larger bodies are rejected unread
 * @param maxDepth       JSON nesting; real reports need 4 levels, other report types a few more
 * @param maxStringChars any string value or field name; original-policy is the longest real field
 * @param maxReports     reports in one Reporting API batch
 */
public record ParserLimits(int maxBodyBytes, int maxDepth, int maxStringChars, int maxReports) {
    public ParserLimits {
        requirePositive(maxBodyBytes, "maxBodyBytes");
        requirePositive(maxDepth, "maxDepth");
        requirePositive(maxStringChars, "maxStringChars");
        requirePositive(maxReports, "maxReports");
    }

    public static ParserLimits defaults() {
        return new ParserLimits(1 << 20, 16, 32_768, 100);
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
