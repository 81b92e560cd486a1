package org.secheaders.domain.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes a page view's violations the way its visitor's browser reports them (design notes §1):
 * one {@code application/csp-report} POST per violation, or one {@code application/reports+json}
 * batch per page; effective or governing directive; blocked URLs stripped per engine; samples cut
 * to 40 characters and only where the directive asks for them. Keys are in alphabetical order, as
 * Firefox and Chromium serialize them.
 */
final class ReportEncoder {
    static final String CONTENT_TYPE = "Content-Type";
    static final String USER_AGENT = "User-Agent";
    static final String ORIGIN = "Origin";

    private static final int SAMPLE_LENGTH = 40;
    private static final int NONCE_LENGTH = 22;
    private static final int TOKEN_LENGTH = 16;
    private static final int STATUS_OK = 200;
    private static final WeightedChoice<String> REFERRERS = WeightedChoice.withWeights(
            List.of("", "https://www.google.com/", "https://www.bing.com/", "/"), 0.35, 0.30, 0.05, 0.30);
    private static final Set<String> NETWORK_SCHEMES = Set.of("http", "https", "ws", "wss");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The requests a page view causes, and the violations they carry. */
    record Encoded(List<DemoReport> reports, List<DemoViolation> violations) {
    }

    /** One violation of the page view, as the browser will report it. */
    private record Occurrence(ViolationSource source, Instant at, String resource, String blockedUri,
                              Optional<String> sample) {
    }

    private ReportEncoder() {
    }

    static Encoded encode(PageView view, SplittableRandom random) {
        DemoTenant tenant = view.site().tenant();
        SitePolicy policy = view.site().history().policyAt(view.at());
        Browser browser = view.visitor().browser();
        Optional<String> nonce = policy.nonceDirectives().isEmpty()
                ? Optional.empty() : Optional.of(Randoms.base62(random, NONCE_LENGTH));
        Page page = new Page(tenant, tenant.origin() + view.path(), referrer(tenant, random), policy, nonce,
                view.site().headerValue(view.at(), nonce), browser);

        List<Occurrence> occurrences = new ArrayList<>();
        Instant at = view.at();
        for (ViolationSource source : view.sources()) {
            at = at.plusMillis(150 + random.nextInt(2_350));
            String resource = resolve(source.blocked(), page.documentUrl(), random);
            occurrences.add(new Occurrence(source, at, resource,
                    reportedBlockedUri(resource, browser, source.directive(), tenant.origin()),
                    reportedSample(source, policy, random)));
        }
        return browser.format() == ReportFormat.REPORTING_API
                ? reportingApiBatch(view, page, occurrences, random)
                : legacyReports(view, page, occurrences, random);
    }

    /** What every report of one page view shares. */
    private record Page(DemoTenant tenant, String documentUrl, String referrer, SitePolicy policy,
                        Optional<String> nonce, String originalPolicy, Browser browser) {
        String disposition() {
            return policy.reportOnly() ? "report" : "enforce";
        }

        Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(CONTENT_TYPE, browser.format().contentType());
            headers.put(USER_AGENT, browser.userAgent());
            headers.put(ORIGIN, tenant.origin());
            return headers;
        }
    }

    private static Encoded legacyReports(PageView view, Page page, List<Occurrence> occurrences,
                                         SplittableRandom random) {
        List<DemoReport> reports = new ArrayList<>();
        List<DemoViolation> violations = new ArrayList<>();
        for (Occurrence occurrence : occurrences) {
            Instant receivedAt = occurrence.at().plusMillis(80 + random.nextInt(820));
            Map<String, Object> report = new TreeMap<>();
            report.put("blocked-uri", occurrence.blockedUri());
            report.put("disposition", page.disposition());
            report.put("document-uri", page.documentUrl());
            report.put("original-policy", page.originalPolicy());
            report.put("referrer", page.referrer());
            report.put("script-sample", occurrence.sample().orElse(""));
            String directive = occurrence.source().directive();
            if (page.browser().csp3Reports()) {
                report.put("effective-directive", directive);
                report.put("violated-directive", directive);
                report.put("status-code", STATUS_OK);
            } else {
                report.put("violated-directive", page.policy().governingDirectiveText(directive, page.nonce()));
            }
            occurrence.source().location().ifPresent(location -> {
                report.put("source-file", location.file(page.documentUrl()));
                report.put("line-number", location.line());
                report.put("column-number", location.column());
            });
            reports.add(new DemoReport(page.tenant().slug(), receivedAt, ReportFormat.LEGACY_CSP_REPORT,
                    view.visitor().address(), page.headers(), json(Map.of("csp-report", report)), 1));
            violations.add(violation(view, page, occurrence, receivedAt));
        }
        return new Encoded(reports, violations);
    }

    private static Encoded reportingApiBatch(PageView view, Page page, List<Occurrence> occurrences,
                                             SplittableRandom random) {
        // Browsers hold reports up to a minute to batch them.
        Instant receivedAt = occurrences.get(occurrences.size() - 1).at().plusMillis(1_000 + random.nextInt(59_000));
        List<Map<String, Object>> batch = new ArrayList<>();
        List<DemoViolation> violations = new ArrayList<>();
        for (Occurrence occurrence : occurrences) {
            Optional<SourceLocation> location = occurrence.source().location();
            Map<String, Object> body = new TreeMap<>();
            body.put("blockedURL", occurrence.blockedUri());
            body.put("columnNumber", location.map(SourceLocation::column).orElse(null));
            body.put("disposition", page.disposition());
            body.put("documentURL", page.documentUrl());
            body.put("effectiveDirective", occurrence.source().directive());
            body.put("lineNumber", location.map(SourceLocation::line).orElse(null));
            body.put("originalPolicy", page.originalPolicy());
            body.put("referrer", page.referrer());
            body.put("sample", occurrence.sample().orElse(""));
            body.put("sourceFile", location.map(where -> where.file(page.documentUrl())).orElse(null));
            body.put("statusCode", STATUS_OK);
            Map<String, Object> report = new TreeMap<>();
            report.put("age", Duration.between(occurrence.at(), receivedAt).toMillis());
            report.put("body", body);
            report.put("type", "csp-violation");
            report.put("url", page.documentUrl());
            report.put("user_agent", page.browser().userAgent());
            batch.add(report);
            violations.add(violation(view, page, occurrence, receivedAt));
        }
        DemoReport report = new DemoReport(page.tenant().slug(), receivedAt, ReportFormat.REPORTING_API,
                view.visitor().address(), page.headers(), json(batch), batch.size());
        return new Encoded(List.of(report), violations);
    }

    private static DemoViolation violation(PageView view, Page page, Occurrence occurrence, Instant receivedAt) {
        return new DemoViolation(page.tenant().slug(), view.at(), occurrence.at(), receivedAt, view.cause(),
                page.browser().family(), view.visitor().address(), page.documentUrl(),
                occurrence.source().directive(), occurrence.resource(), occurrence.blockedUri(), occurrence.sample(),
                page.disposition());
    }

    private static String referrer(DemoTenant tenant, SplittableRandom random) {
        String referrer = REFERRERS.pick(random);
        return referrer.startsWith("/") ? tenant.origin() + referrer : referrer;
    }

    private static String resolve(String blocked, String documentUrl, SplittableRandom random) {
        if (blocked.equals(ViolationSource.THIS_PAGE)) {
            return documentUrl;
        }
        return blocked.contains(ViolationSource.RANDOM_TOKEN)
                ? blocked.replace(ViolationSource.RANDOM_TOKEN, Randoms.base62(random, TOKEN_LENGTH))
                : blocked;
    }

    /**
     * CSP3 strips a non-network URL to its scheme; Chromium and WebKit cut cross-origin URLs to the
     * origin (Chromium not for frame-src); the fragment never leaves the browser.
     */
    static String reportedBlockedUri(String resource, Browser browser, String directive, String siteOrigin) {
        String scheme = PolicyMatcher.scheme(resource);
        if (scheme.isEmpty()) {
            return resource; // a keyword such as inline or eval
        }
        if (!NETWORK_SCHEMES.contains(scheme)) {
            return browser.csp3Reports() ? scheme : resource;
        }
        String origin = scheme + "://" + PolicyMatcher.host(resource);
        boolean keepsPath = origin.equals(siteOrigin) || !browser.stripsCrossOriginPath()
                || browser.family() == BrowserFamily.CHROMIUM && directive.equals("frame-src");
        if (!keepsPath) {
            return origin;
        }
        int fragment = resource.indexOf('#');
        return fragment < 0 ? resource : resource.substring(0, fragment);
    }

    /** Browsers send a sample only with 'report-sample' (Trusted Types always), cut to 40 characters of code. */
    private static Optional<String> reportedSample(ViolationSource source, SitePolicy policy, SplittableRandom random) {
        if (source.samples().isEmpty()) {
            return Optional.empty();
        }
        String code = source.samples().get(random.nextInt(source.samples().size()));
        if (source.blocked().equals(ViolationSource.TRUSTED_TYPES_SINK)) {
            int sink = code.indexOf('|') + 1;
            return Optional.of(code.substring(0, sink) + cut(code.substring(sink)));
        }
        boolean asked = policy.governing(source.directive())
                .map(name -> policy.tokens(name).contains("'report-sample'"))
                .orElse(false);
        return asked ? Optional.of(cut(code)) : Optional.empty();
    }

    private static String cut(String code) {
        return code.length() <= SAMPLE_LENGTH ? code : code.substring(0, SAMPLE_LENGTH);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("demo report cannot be written as JSON", e);
        }
    }
}
