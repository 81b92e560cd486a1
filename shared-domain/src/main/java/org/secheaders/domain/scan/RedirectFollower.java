package org.secheaders.domain.scan;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.secheaders.domain.grading.RedirectHop;

/**
 * Follows redirects by hand, recording each hop and putting each target through the
 * {@link TargetPolicy} first, so that a public URL cannot redirect the scanner inward.
 */
final class RedirectFollower {
    private final Fetcher fetcher;
    private final TargetPolicy policy;
    private final int maxRedirects;

    RedirectFollower(Fetcher fetcher, TargetPolicy policy, int maxRedirects) {
        this.fetcher = fetcher;
        this.policy = policy;
        this.maxRedirects = maxRedirects;
    }

    /**
     * Requests {@code start} and the redirects it leads to, at most {@code maxRedirects} of them.
     * A failure carries the hops that answered before it.
     */
    Route follow(URI start, int bodyLimit, Deadline deadline) throws ScanAbort, InterruptedException {
        List<RedirectHop> hops = new ArrayList<>();
        URI url = start;
        try {
            while (true) {
                FetchedResponse response = fetcher.get(url, List.of(), bodyLimit, deadline);
                hops.add(new RedirectHop(url, response.status()));
                Optional<String> location = response.redirectLocation();
                if (location.isEmpty() || hops.size() > maxRedirects) {
                    return new Route(hops, response);
                }
                url = policy.admitRedirect(url, location.get());
            }
        } catch (ScanAbort abort) {
            throw abort.after(hops);
        }
    }
}
