package org.secheaders.domain.grading;

import java.util.List;

/** What a request to the site's plain {@code http://} URL gave; the redirection test reads it. */
public sealed interface HttpProbe {
    /** Not requested, as for a pasted or configured header set: redirection is not evaluated. */
    record NotProbed() implements HttpProbe {
    }

    /** Nothing answered on {@code http://}: no redirect is needed. */
    record Unreachable() implements HttpProbe {
    }

    /**
     * The site answered. {@code route} starts with the {@code http://} URL requested and lists
     * every URL followed after it; {@code certificateVerified} is false when an HTTPS hop's
     * certificate chain did not verify.
     */
    record Reached(boolean certificateVerified, List<RedirectHop> route) implements HttpProbe {
        public Reached {
            route = List.copyOf(route);
            if (route.isEmpty()) {
                throw new IllegalArgumentException("route must start with the http:// URL requested");
            }
        }
    }
}
