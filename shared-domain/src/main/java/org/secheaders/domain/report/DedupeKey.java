package org.secheaders.domain.report;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * Identifies identical reports: 128 bits of SHA-256 over tenant, directive, blocked URI, document URI,
 * source file, line, disposition and sample. Only the hash is held in memory, so the deduplicator's size
 * does not depend on how long attacker-supplied URIs are. The sample is part of the key so that a
 * malicious payload is never folded into an earlier benign report from the same line.
 */
public record DedupeKey(long tenantId, long high, long low) {

    public static DedupeKey of(long tenantId, NormalizedReport report) {
        // Fields are cleaned of control characters, so NUL cannot occur inside one and separates them safely.
        String material = String.join("\0",
                Long.toString(tenantId),
                report.directive(),
                report.blocked().value(),
                report.document().value(),
                report.sourceFile().map(SanitizedUri::value).orElse(""),
                report.lineNumber().isPresent() ? Integer.toString(report.lineNumber().getAsInt()) : "",
                report.disposition().wireName(),
                report.sample().map(s -> s.sink().orElse("") + "|" + s.text()).orElse(""));
        ByteBuffer digest = ByteBuffer.wrap(Sha256.digest(material));
        return new DedupeKey(tenantId, digest.getLong(), digest.getLong());
    }

    /** 32 hex digits, stable across processes: stored with the violation and used to group duplicates. */
    public String hex() {
        return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
    }
}
