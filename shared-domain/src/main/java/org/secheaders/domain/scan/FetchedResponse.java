package org.secheaders.domain.scan;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.secheaders.domain.grading.HeaderField;

/**
 * One response as fetched.
 *
 * @param headerLines field lines as the JDK client reports them: names in lower case, grouped
 *                    by name in alphabetical order (it keeps neither the case nor the order
 *                    across names), lines of one name in the order received
 * @param htmlPrefix  the decoded start of an HTML body, empty when the body was not read
 */
record FetchedResponse(URI url, int status, List<HeaderField> headerLines, String htmlPrefix) {
    private static final List<Integer> REDIRECT_STATUSES = List.of(301, 302, 303, 307, 308);

    FetchedResponse {
        headerLines = List.copyOf(headerLines);
    }

    static boolean isRedirect(int status) {
        return REDIRECT_STATUSES.contains(status);
    }

    /** The target of a redirect; a redirect status without a {@code Location} ends the route. */
    Optional<String> redirectLocation() {
        return isRedirect(status) ? firstValue("Location") : Optional.empty();
    }

    private Optional<String> firstValue(String name) {
        return headerLines.stream().filter(line -> line.name().equalsIgnoreCase(name))
                .map(HeaderField::value).findFirst();
    }
}
