package org.secheaders.domain.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A header whose values form a total order of strictness. Implemented by enums that declare their
 * constants strictest first, so "weaker" is "declared later"; the value is the constant's name in
 * lower case with hyphens ({@code SAME_ORIGIN} → {@code same-origin}).
 */
public sealed interface RankedHeader extends SecurityHeader
        permits FrameOptions, ContentTypeOptions, ReferrerPolicy,
        CrossOriginOpenerPolicy, CrossOriginEmbedderPolicy, CrossOriginResourcePolicy {

    String name();

    int ordinal();

    @Override
    default String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The weakening token is the weaker value itself, e.g. {@code x-frame-options:sameorigin}. */
    @Override
    default List<String> weakerThan(SecurityHeader reference) {
        return ordinal() > ((RankedHeader) reference).ordinal() ? List.of(value()) : List.of();
    }

    /** The constant whose value is {@code raw} (ASCII case-insensitive, surrounding spaces ignored). */
    static <E extends Enum<E> & RankedHeader> E parse(Class<E> type, String raw) {
        String wanted = raw.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.value().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + raw + "' is not one of "
                        + Arrays.stream(type.getEnumConstants()).map(RankedHeader::value)
                                .collect(Collectors.joining(", ", "[", "]"))));
    }
}
