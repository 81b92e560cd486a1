package org.secheaders.domain.grading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Response headers as the Observatory's tests receive them from Node's HTTP client: one value per
 * header, with repeated lines already combined, except {@code Set-Cookie}, which keeps one value
 * per line. Names are matched case-insensitively.
 *
 * <p>Build from what was on the wire with {@link #of} or {@link #fromFieldLines}, which combine
 * repeated lines as Node does (so two {@code X-Frame-Options} lines read as
 * {@code "DENY, DENY"} and grade as invalid, as on the live Observatory). The canonical
 * constructor takes values already in delivered form, where a repeated name stands for a header
 * delivered as an array, as in the Observatory's own test fixtures.
 */
public record ResponseHeaders(List<HeaderField> fields) {
    private static final String SET_COOKIE = "set-cookie";
    /** Headers of which Node keeps only the first line (its {@code matchKnownFields}). */
    private static final Set<String> FIRST_LINE_ONLY = Set.of("age", "authorization", "content-length",
            "content-type", "etag", "expires", "from", "host", "if-modified-since", "if-unmodified-since",
            "last-modified", "location", "max-forwards", "proxy-authorization", "referer", "retry-after",
            "server", "user-agent");

    public ResponseHeaders {
        fields = List.copyOf(fields);
    }

    public static ResponseHeaders empty() {
        return new ResponseHeaders(List.of());
    }

    /** Field lines as alternating names and values: {@code of("X-Frame-Options", "DENY")}. */
    public static ResponseHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        List<HeaderField> lines = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            lines.add(new HeaderField(namesAndValues[i], namesAndValues[i + 1]));
        }
        return fromFieldLines(lines);
    }

    /** Field lines in the order received, combined the way Node's HTTP client combines them. */
    public static ResponseHeaders fromFieldLines(List<HeaderField> lines) {
        List<HeaderField> delivered = new ArrayList<>();
        Map<String, Integer> positionByName = new HashMap<>();
        for (HeaderField line : lines) {
            String name = line.name().toLowerCase(Locale.ROOT);
            Integer position = positionByName.get(name);
            if (position == null || name.equals(SET_COOKIE)) {
                positionByName.put(name, delivered.size());
                delivered.add(line);
            } else if (!FIRST_LINE_ONLY.contains(name)) {
                HeaderField first = delivered.get(position);
                delivered.set(position, new HeaderField(first.name(), first.value() + ", " + line.value()));
            }
        }
        return new ResponseHeaders(delivered);
    }

    /** Replaces every value of that name with {@code value}. */
    public ResponseHeaders with(String name, String value) {
        List<HeaderField> copy = new ArrayList<>(fields.stream().filter(f -> !f.hasName(name)).toList());
        copy.add(new HeaderField(name, value));
        return new ResponseHeaders(copy);
    }

    /** Every delivered value of that name, in order. */
    public List<String> values(String name) {
        return fields.stream().filter(f -> f.hasName(name)).map(HeaderField::value).toList();
    }

    /** Every delivered value joined with ", ", as HTTP combines repeated fields (RFC 9110 §5.3); empty when none. */
    public Optional<String> combined(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
    }

    /** The first delivered value, where the Observatory reads a header as a single string. */
    public Optional<String> first(String name) {
        return values(name).stream().findFirst();
    }

    /** The Observatory's "is it set" test: JS truthiness of the delivered value (an array always is). */
    boolean isSet(String name) {
        List<String> values = values(name);
        return values.size() > 1 || (values.size() == 1 && !values.get(0).isEmpty());
    }
}
