package org.secheaders.domain.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ReportNormalizerProperties {
    private final ReportNormalizer normalizer = new ReportNormalizer();

    @Property(tries = 1000)
    void sanitizedUrisNeverContainAQueryOrFragment(@ForAll("urls") String raw) {
        String value = UriSanitizer.sanitize(raw).value();

        assertFalse(value.contains("?") || value.contains("#"), value);
        assertTrue(value.length() <= UriSanitizer.MAX_URI_CHARS);
    }

    @Property(tries = 1000)
    void normalizedReportsNeverContainAQueryOrFragmentInAnyUri(@ForAll("reports") CspViolationReport report) {
        NormalizedReport normalized = normalizer.normalize(report, Optional.empty());

        Stream.concat(Stream.of(normalized.blocked().value(), normalized.document().value()),
                        Stream.of(normalized.referrer(), normalized.sourceFile()).flatMap(Optional::stream)
                                .map(SanitizedUri::value))
                .forEach(uri -> assertFalse(uri.contains("?") || uri.contains("#"), uri));
        normalized.sample().ifPresent(sample -> assertTrue(sample.text().length() <= Sample.MAX_CHARS));
    }

    @Provide
    Arbitrary<String> urls() {
        return ReportArbitraries.urlLike();
    }

    @Provide
    Arbitrary<CspViolationReport> reports() {
        return ReportArbitraries.reports();
    }
}
