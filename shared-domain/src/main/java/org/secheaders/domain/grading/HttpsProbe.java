package org.secheaders.domain.grading;

import java.util.Objects;

/** What a request to the site's {@code https://} URL gave; HSTS is read from this response only. */
public sealed interface HttpsProbe {
    /** The site answered over TLS; {@code certificateVerified} is false for a chain that did not verify. */
    record Reached(ResponseHeaders headers, boolean certificateVerified) implements HttpsProbe {
        public Reached {
            Objects.requireNonNull(headers, "headers");
        }
    }

    /** Nothing answered on {@code https://}. */
    record Unreachable() implements HttpsProbe {
    }
}
