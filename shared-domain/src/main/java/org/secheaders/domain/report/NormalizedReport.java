package org.secheaders.domain.report;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A CSP violation with browser differences removed and privacy reductions applied: no query strings,
 * fragments or credentials in any URI, no raw user agent, a capped sample, and the policy kept only as a
 * hash (policies can carry reporting keys in their report-uri).
 *
 * @param directive  the effective directive, lower-case, e.g. {@code script-src-elem}
 * @param policyHash the first 16 hex digits of SHA-256 over the original policy, to group by policy version
 */
public record NormalizedReport(
        ReportFormat format,
        String directive,
        BlockedResource blocked,
        SanitizedUri document,
        Optional<SanitizedUri> referrer,
        Optional<SanitizedUri> sourceFile,
        OptionalInt lineNumber,
        OptionalInt columnNumber,
        Disposition disposition,
        Optional<Sample> sample,
        OptionalInt statusCode,
        ReducedUserAgent userAgent,
        OptionalLong ageMillis,
        Optional<String> policyHash) {

    public NormalizedReport {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(directive, "directive");
        Objects.requireNonNull(blocked, "blocked");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(referrer, "referrer");
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(lineNumber, "lineNumber");
        Objects.requireNonNull(columnNumber, "columnNumber");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(ageMillis, "ageMillis");
        Objects.requireNonNull(policyHash, "policyHash");
    }

    /** The blocked keyword, when the violation was not about a URI. */
    public Optional<BlockedKeyword> blockedKeyword() {
        return blocked instanceof BlockedResource.Keyword k ? Optional.of(k.keyword()) : Optional.empty();
    }

    /** The blocked web URL, when the violation blocked one. */
    public Optional<SanitizedUri.Web> blockedWeb() {
        return blocked.uri().filter(SanitizedUri.Web.class::isInstance).map(SanitizedUri.Web.class::cast);
    }
}
