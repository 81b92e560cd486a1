package org.secheaders.domain.compliance.check;

import java.util.Locale;
import java.util.Optional;

import org.secheaders.domain.grading.ResponseHeaders;

/** The response's {@code Content-Type}, split into essence and charset. */
record MediaType(String essence, Optional<String> charset) {
    static final String HEADER = "Content-Type";

    static Optional<MediaType> of(ResponseHeaders headers) {
        return headers.first(HEADER).filter(v -> !v.isBlank()).map(MediaType::parse);
    }

    static MediaType parse(String value) {
        String[] parts = value.split(";");
        Optional<String> charset = Optional.empty();
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("charset") && !parameter[1].isBlank()) {
                charset = Optional.of(parameter[1].trim());
            }
        }
        return new MediaType(parts[0].trim().toLowerCase(Locale.ROOT), charset);
    }

    /**
     * Whether the response is (or may be) a document: HTML/XHTML, or unknown, as for a configured
     * header set, which is sent with every page.
     */
    static boolean isDocument(ResponseHeaders headers) {
        return of(headers).map(t -> t.essence().equals("text/html") || t.essence().equals("application/xhtml+xml"))
                .orElse(true);
    }

    /** Text and XML types, which ASVS 4.1.1 wants labelled with a charset. */
    boolean needsCharset() {
        return essence.startsWith("text/") || essence.endsWith("+xml") || essence.endsWith("/xml");
    }
}
