package org.secheaders.domain.scan;

import java.util.List;
import org.secheaders.domain.grading.RedirectHop;

/** The hops of one followed route and the last response; that response may be a redirect left unfollowed. */
record Route(List<RedirectHop> hops, FetchedResponse last) {
    Route {
        hops = List.copyOf(hops);
    }

    /** The route stopped at the redirect limit rather than at a final response. */
    boolean endedAtRedirectLimit() {
        return last.redirectLocation().isPresent();
    }
}
