package org.secheaders.domain.report;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a {@link CspViolationReport} from any browser or wire format into a {@link NormalizedReport}.
 * Stateless and thread-safe.
 *
 * <ul>
 *   <li>blocked-uri: the CSP3 keywords; empty, {@code self} and {@code 'self'} become {@code 'self'}; a bare
 *       scheme gets its colon ({@code data} → {@code data:}); non-web URLs keep their scheme only.</li>
 *   <li>Old Firefox sent {@code self} with the sample {@code call to eval() or related function blocked by
 *       CSP} for eval; that becomes {@code eval}.</li>
 *   <li>directive: effective-directive, else the first token of violated-directive.</li>
 *   <li>sample: Firefox's trailing {@code ...} marks truncation; text is cut to 40 chars; a Trusted Types
 *       {@code sink|code} sample is split.</li>
 * </ul>
 */
public final class ReportNormalizer {
    private static final String FIREFOX_EVAL_SAMPLE = "call to eval()";
    private static final String FIREFOX_ELLIPSIS = "...";
    private static final int MAX_SINK_CHARS = 64;

    private final UserAgentParser userAgents = new UserAgentParser();

    /**
     * @param requestUserAgent the request's User-Agent header, used when the report has none of its own
     *                         ({@code report-uri} reports never do)
     */
    public NormalizedReport normalize(CspViolationReport report, Optional<String> requestUserAgent) {
        Optional<BlockedKeyword> keyword = BlockedKeyword.parse(report.blockedUri().orElse(""));
        Optional<Sample> sample = report.sample()
                .flatMap(raw -> sample(raw, keyword.filter(k -> k == BlockedKeyword.TRUSTED_TYPES_SINK).isPresent()));
        BlockedResource blocked = keyword
                .map(k -> k == BlockedKeyword.SELF && sample.filter(ReportNormalizer::isFirefoxEval).isPresent()
                        ? BlockedKeyword.EVAL : k)
                .<BlockedResource>map(BlockedResource.Keyword::new)
                .orElseGet(() -> new BlockedResource.Resource(blockedUri(report.blockedUri().orElse(""))));
        return new NormalizedReport(
                report.format(),
                report.directive().toLowerCase(Locale.ROOT),
                blocked,
                UriSanitizer.sanitize(report.documentUri()),
                report.referrer().map(UriSanitizer::sanitize),
                report.sourceFile().map(UriSanitizer::sanitize),
                report.lineNumber(),
                report.columnNumber(),
                Disposition.parse(report.disposition()),
                sample,
                report.statusCode(),
                userAgents.parse(report.userAgent().or(() -> requestUserAgent).orElse("")),
                report.ageMillis(),
                report.originalPolicy().map(ReportNormalizer::policyHash));
    }

    private static SanitizedUri blockedUri(String raw) {
        String value = raw.strip();
        if (UriSanitizer.isBareScheme(value)) {
            String scheme = value.endsWith(":") ? value.substring(0, value.length() - 1) : value;
            return new SanitizedUri.SchemeOnly(scheme.toLowerCase(Locale.ROOT), "");
        }
        return UriSanitizer.sanitize(value);
    }

    private static Optional<Sample> sample(String raw, boolean trustedTypesSink) {
        Optional<String> sink = Optional.empty();
        String code = raw;
        int bar = raw.indexOf('|');
        if (trustedTypesSink && bar > 0) {
            sink = Optional.of(Text.clean(raw.substring(0, bar), MAX_SINK_CHARS));
            code = raw.substring(bar + 1);
        }
        boolean truncated = false;
        if (code.length() == Sample.MAX_CHARS + FIREFOX_ELLIPSIS.length() && code.endsWith(FIREFOX_ELLIPSIS)) {
            code = code.substring(0, Sample.MAX_CHARS);
            truncated = true;
        }
        truncated |= code.length() > Sample.MAX_CHARS;
        String text = Text.clean(code, Sample.MAX_CHARS);
        return text.isBlank() ? Optional.empty() : Optional.of(new Sample(sink, text, truncated));
    }

    private static boolean isFirefoxEval(Sample sample) {
        return sample.text().startsWith(FIREFOX_EVAL_SAMPLE);
    }

    private static String policyHash(String policy) {
        return HexFormat.of().formatHex(Sha256.digest(policy.strip()), 0, 8);
    }
}
