package org.secheaders.domain.compliance.check;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Comma-separated header values ({@code Referrer-Policy}, {@code Cache-Control}, ...) as trimmed members. */
final class HeaderLists {
    private HeaderLists() {
    }

    /** Every member of every value, in order, empty ones dropped. */
    static List<String> members(List<String> values) {
        return values.stream()
                .flatMap(value -> Arrays.stream(value.split(",", -1)))
                .map(String::trim)
                .filter(member -> !member.isEmpty())
                .toList();
    }

    /** Members lower-cased, for case-insensitive tokens. */
    static List<String> lowerCaseMembers(List<String> values) {
        return members(values).stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    }

    /** The structured-field token of a single-valued header ({@code same-origin; report-to="x"} → {@code same-origin}). */
    static String token(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
    }
}
