package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RedirectionCheckTest {
    private final RedirectionCheck check = new RedirectionCheck();

    private TestEvaluation grade(HttpProbe http) {
        return check.evaluate(ResponseEvidence.ofHeaders(ResponseHeaders.empty()).withHttp(http));
    }

    private ObservatoryResult route(String... urls) {
        List<RedirectHop> hops = Stream.of(urls).map(url -> new RedirectHop(URI.create(url), 301)).toList();
        return ((TestOutcome) grade(new HttpProbe.Reached(true, hops))).result();
    }

    @Test
    void aHeaderSetAloneSaysNothingAboutRedirection() {
        assertInstanceOf(NotEvaluated.class, check.evaluate(ResponseEvidence.ofHeaders(ResponseHeaders.empty())));
    }

    @Test
    void noPlainHttpNeedsNoRedirect() {
        assertEquals(TestOutcome.of(ObservatoryResult.REDIRECTION_NOT_NEEDED_NO_HTTP), grade(new HttpProbe.Unreachable()));
    }

    @Test
    void judgesTheRoute() {
        assertEquals(ObservatoryResult.REDIRECTION_TO_HTTPS,
                route("http://mozilla.org/", "https://mozilla.org/", "https://www.mozilla.org/"));
        assertEquals(ObservatoryResult.REDIRECTION_TO_HTTPS, route("http://mozilla.org/", "https://MOZILLA.org:8443/"));
        assertEquals(ObservatoryResult.REDIRECTION_MISSING, route("http://mozilla.org/"));
        assertEquals(ObservatoryResult.REDIRECTION_NOT_TO_HTTPS, route("http://mozilla.org/", "http://www.mozilla.org/"));
        assertEquals(ObservatoryResult.REDIRECTION_NOT_TO_HTTPS_ON_INITIAL_REDIRECTION,
                route("http://mozilla.org/", "http://www.mozilla.org/", "https://www.mozilla.org/"));
        assertEquals(ObservatoryResult.REDIRECTION_OFF_HOST_FROM_HTTP,
                route("http://mozilla.org/", "https://www.mozilla.org/"));
    }

    @Test
    void anUnverifiedCertificateOnTheRouteFails() {
        assertEquals(TestOutcome.of(ObservatoryResult.REDIRECTION_INVALID_CERT), grade(new HttpProbe.Reached(false,
                List.of(new RedirectHop(URI.create("http://mozilla.org/"), 301)))));
    }

    @Test
    void aRouteStartsWithTheRequestedUrl() {
        assertThrows(IllegalArgumentException.class, () -> new HttpProbe.Reached(true, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new RedirectHop(URI.create("/relative"), 301));
    }
}
