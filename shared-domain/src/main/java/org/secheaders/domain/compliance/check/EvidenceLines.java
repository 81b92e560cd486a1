package org.secheaders.domain.compliance.check;

import java.util.Arrays;
import java.util.List;

import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.ResponseHeaders;

/** The raw header lines a check read, as {@code Name: value}, with cookie values redacted. */
final class EvidenceLines {
    private EvidenceLines() {
    }

    static List<String> of(ResponseHeaders headers, String... names) {
        return headers.fields().stream()
                .filter(field -> Arrays.stream(names).anyMatch(field.name()::equalsIgnoreCase))
                .map(EvidenceLines::line)
                .toList();
    }

    static String line(HeaderField field) {
        String value = field.name().equalsIgnoreCase(CookieLine.SET_COOKIE)
                ? CookieLine.parse(field.value()).map(CookieLine::redacted).orElse("<unparsable, redacted>")
                : field.value();
        return field.name() + ": " + value;
    }
}
