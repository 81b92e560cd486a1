package org.secheaders.domain.grading;

import static org.secheaders.domain.grading.ObservatoryResult.REDIRECTION_INVALID_CERT;
import static org.secheaders.domain.grading.ObservatoryResult.REDIRECTION_MISSING;
import static org.secheaders.domain.grading.ObservatoryResult.REDIRECTION_NOT_NEEDED_NO_HTTP;
import static org.secheaders.domain.grading.ObservatoryResult.REDIRECTION_NOT_TO_HTTPS;
import static org.secheaders.domain.grading.ObservatoryResult.REDIRECTION_NOT_TO_HTTPS_ON_INITIAL_REDIRECTION;
import static org.secheaders.domain.grading.ObservatoryResult.REDIRECTION_OFF_HOST_FROM_HTTP;
import static org.secheaders.domain.grading.ObservatoryResult.REDIRECTION_TO_HTTPS;

import java.util.List;
import java.util.Map;

/**
 * {@code redirection}: where {@code http://} leads. The first redirect must go to
 * {@code https://} on the same host.
 *
 * <p>Not evaluated: {@code redirection-all-redirects-preloaded}. It needs Chromium's HSTS preload
 * list; without it every route is judged hop by hop.
 */
public final class RedirectionCheck implements ObservatoryCheck {

    @Override
    public ObservatoryTestName name() {
        return ObservatoryTestName.REDIRECTION;
    }

    @Override
    public TestEvaluation evaluate(ResponseEvidence evidence) {
        HttpProbe http = evidence.http();
        if (http instanceof HttpProbe.Unreachable) {
            return TestOutcome.of(REDIRECTION_NOT_NEEDED_NO_HTTP);
        }
        if (!(http instanceof HttpProbe.Reached reached)) {
            return new NotEvaluated(name(), "needs the http:// response and its redirect route");
        }
        if (!reached.certificateVerified()) {
            return TestOutcome.of(REDIRECTION_INVALID_CERT);
        }
        List<RedirectHop> route = reached.route();
        Map<String, List<String>> data = Map.of("route", route.stream().map(hop -> hop.url().toString()).toList());
        return TestOutcome.of(judge(route), data);
    }

    private static ObservatoryResult judge(List<RedirectHop> route) {
        if (route.size() == 1) {
            return REDIRECTION_MISSING;
        }
        RedirectHop first = route.get(0);
        RedirectHop second = route.get(1);
        if (!route.get(route.size() - 1).isHttps()) {
            return REDIRECTION_NOT_TO_HTTPS;
        }
        if (second.isHttp()) {
            return REDIRECTION_NOT_TO_HTTPS_ON_INITIAL_REDIRECTION;
        }
        if (first.isHttp() && second.isHttps() && !first.url().getHost().equalsIgnoreCase(second.url().getHost())) {
            return REDIRECTION_OFF_HOST_FROM_HTTP;
        }
        return REDIRECTION_TO_HTTPS;
    }
}
