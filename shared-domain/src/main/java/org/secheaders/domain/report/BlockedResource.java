package org.secheaders.domain.report;

import java.util.Optional;

/** What a violation blocked: a keyword such as {@code inline}, or a (sanitized) URI. */
public sealed interface BlockedResource {

    /** The stored blocked_uri value. */
    String value();

    /** The URI, for violations that blocked one. */
    Optional<SanitizedUri> uri();

    record Keyword(BlockedKeyword keyword) implements BlockedResource {
        @Override
        public String value() {
            return keyword.wireValue();
        }

        @Override
        public Optional<SanitizedUri> uri() {
            return Optional.empty();
        }
    }

    record Resource(SanitizedUri location) implements BlockedResource {
        @Override
        public String value() {
            return location.value();
        }

        @Override
        public Optional<SanitizedUri> uri() {
            return Optional.of(location);
        }
    }
}
