package org.secheaders.domain.compliance.check;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.secheaders.domain.grading.HttpProbe;
import org.secheaders.domain.grading.RedirectHop;

/**
 * {@code https.redirect}: plain HTTP never serves content. Pages redirect {@code http://} with a
 * permanent redirect straight to {@code https://} on the same host (a temporary or off-host first
 * hop works but weakens HSTS bootstrapping); APIs should refuse plain HTTP instead of redirecting
 * (ASVS 5.0 4.1.2), because a redirect lets a client keep sending credentials in cleartext.
 */
final class HttpsRedirectCheck implements AtomicCheck {
    static final String ID = "https.redirect";
    private static final Set<Integer> PERMANENT = Set.of(301, 308);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "http:// redirects permanently to https:// on the same host (APIs: plain HTTP refused)";
    }

    @Override
    public String fix() {
        return "Answer http:// with a 301 or 308 to the same URL on https://; APIs: refuse plain HTTP.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        if (!context.bundle().source().isLive()) {
            return Finding.of(this).notApplicable("not_live_evidence",
                    "A " + context.bundle().source().wireName() + " header set carries no HTTP behaviour; "
                            + "scan the live URL to check the redirect.");
        }
        HttpProbe http = context.response().http();
        if (http instanceof HttpProbe.NotProbed) {
            return Finding.of(this).notEvaluated("the scan did not request the http:// URL");
        }
        if (http instanceof HttpProbe.Unreachable) {
            return Finding.of(this).pass("no_plain_http_listener", "Nothing answers on http://.");
        }
        HttpProbe.Reached reached = (HttpProbe.Reached) http;
        List<RedirectHop> route = reached.route();
        List<String> hops = route.stream().map(hop -> hop.status() + " " + hop.url()).toList();
        Finding finding = Finding.of(this, Optional.of(String.join(" -> ", hops)), hops);
        boolean api = context.bundle().profile().api();
        if (!reached.certificateVerified()) {
            return finding.fail("invalid_certificate", "An HTTPS hop of the redirect has a certificate that did not verify.");
        }
        RedirectHop first = route.get(0);
        if (route.size() == 1) {
            boolean refused = first.status() >= 400;
            if (refused) {
                return api ? finding.pass("api_refuses_plain_http", "The API refuses plain HTTP.")
                        : finding.warn("refused_without_redirect",
                                "Plain HTTP is refused, but visitors typing the bare host get an error instead of the site.");
            }
            return finding.fail("served_over_http", "http:// answers " + first.status() + " without redirecting to https://.");
        }
        RedirectHop second = route.get(1);
        if (!isHttps(route.get(route.size() - 1))) {
            return finding.fail("ends_on_http", "The redirect route ends on plain HTTP.");
        }
        if (api) {
            return finding.warn("api_redirects", "The API redirects plain HTTP; APIs should refuse it (ASVS 5.0 4.1.2).");
        }
        if (!isHttps(second)) {
            return finding.warn("initial_redirect_not_https", "The first redirect stays on plain HTTP before reaching HTTPS.");
        }
        if (!first.url().getHost().equalsIgnoreCase(second.url().getHost())) {
            return finding.warn("off_host_first_redirect", "The first redirect leaves the host, so its HSTS policy "
                    + "is never set for the host the visitor asked for.");
        }
        if (!PERMANENT.contains(first.status())) {
            return finding.warn("temporary_redirect", "The first redirect is " + first.status()
                    + "; use 301 or 308 so clients remember it.");
        }
        return finding.pass("permanent_same_host_redirect", "http:// redirects permanently to https:// on the same host.");
    }

    private static boolean isHttps(RedirectHop hop) {
        return "https".equalsIgnoreCase(hop.url().getScheme());
    }
}
