package org.secheaders.domain.report;

import java.nio.charset.StandardCharsets;

/** Realistic report bodies per wire format and browser, from the design notes §1 and §7. */
final class ReportSamples {
    static final String CSP_REPORT = "application/csp-report";
    static final String REPORTS_JSON = "application/reports+json";
    static final String JSON = "application/json";

    static final String CHROME_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/126.0.0.0 Safari/537.36";
    static final String FIREFOX_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final String SAFARI_UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/14.1 Safari/605.1.15";

    /** relay's test_csp_real (getsentry/relay security_report.rs): Chrome, legacy report-uri. */
    static final String RELAY_REAL = """
            {"csp-report":{"document-uri":"https://sentry.io/sentry/csp/issues/88513416/?query=is:unresolved",\
            "referrer":"https://sentry.io/sentry/sentry/releases/7329107476ff14cfa19cf013acd8ce47781bb93a/",\
            "violated-directive":"script-src","effective-directive":"script-src",\
            "original-policy":"default-src *; script-src 'make_csp_snapshot' 'unsafe-eval' 'unsafe-inline' e90d271df3e973c7.global.ssl.fastly.net cdn.ravenjs.com assets.zendesk.com ajax.googleapis.com ssl.google-analytics.com www.googleadservices.com analytics.twitter.com platform.twitter.com *.pingdom.net js.stripe.com api.stripe.com statuspage-production.s3.amazonaws.com s3.amazonaws.com *.google.com www.gstatic.com aui-cdn.atlassian.com *.atlassian.net *.jira.com *.zopim.com; font-src * data:; connect-src * wss://*.zopim.com; style-src 'make_csp_snapshot' 'unsafe-inline' e90d271df3e973c7.global.ssl.fastly.net s3.amazonaws.com aui-cdn.atlassian.com fonts.googleapis.com; img-src * data: blob:; object-src 'none'; frame-ancestors 'none'; report-uri https://sentry.io/api/2/csp-report/?sentry_key=8f431a76a3234436b48e0e2d8a37fc9d&sentry_release=7329107476ff14cfa19cf013acd8ce47781bb93a",\
            "disposition":"enforce","blocked-uri":"http://baddomain.com/test.js?_=1515535030116",\
            "line-number":24,"column-number":66270,\
            "source-file":"https://e90d271df3e973c7.global.ssl.fastly.net/_static/f0c7c026a4b2a3d2b287ae2d012c9924/sentry/dist/vendor.js",\
            "status-code":0,"script-sample":""}}""";

    /** Chrome, legacy report-uri: most specific effective directive, inline script with a sample. */
    static final String CHROME_INLINE = """
            {"csp-report":{"document-uri":"https://shop.example.com/checkout?session=s3cr3t#pay",\
            "referrer":"https://www.google.com/search?q=shop","violated-directive":"script-src-elem",\
            "effective-directive":"script-src-elem","original-policy":"script-src 'self' 'report-sample'; report-uri /csp",\
            "disposition":"enforce","blocked-uri":"inline","line-number":12,"column-number":5,\
            "source-file":"https://shop.example.com/checkout?session=s3cr3t","status-code":200,\
            "script-sample":"document.write('<script src=//x.y/a.js')"}}""";

    /** Firefox before 108: only violated-directive, with its source list; inline reported as self + "...". */
    static final String FIREFOX_OLD = """
            {"csp-report":{"blocked-uri":"self","document-uri":"https://www.example.com/page",\
            "original-policy":"style-src https://cdn.example.com; report-uri https://www.example.com/csp",\
            "referrer":"","script-sample":"body { background: url(https://track.exa...",\
            "violated-directive":"style-src https://cdn.example.com","line-number":"7","source-file":"https://www.example.com/page"}}""";

    /** Firefox 108+: effective-directive and status-code added. */
    static final String FIREFOX_108 = """
            {"csp-report":{"blocked-uri":"https://ads.tracker.example:8443/pixel.gif?id=42","disposition":"report",\
            "document-uri":"https://www.example.com/","effective-directive":"img-src",\
            "original-policy":"img-src 'self'; report-uri /csp","referrer":"","status-code":200,\
            "violated-directive":"img-src"}}""";

    /** Old Firefox eval: blocked self with its fixed eval sample. */
    static final String FIREFOX_EVAL = """
            {"csp-report":{"blocked-uri":"self","document-uri":"https://app.example.com/",\
            "violated-directive":"script-src 'self'","source-file":"https://app.example.com/vendor.js",\
            "line-number":1,"column-number":4012,"script-sample":"call to eval() or related function blocked by CSP"}}""";

    /** Safari 14.1: blocked URI is the origin only, no disposition. */
    static final String SAFARI_14 = """
            {"csp-report":{"document-uri":"https://www.example.com/a","referrer":"","violated-directive":"script-src",\
            "effective-directive":"script-src","original-policy":"script-src 'self'; report-uri /csp",\
            "blocked-uri":"https://cdn.thirdparty.example","status-code":0}}""";

    /** Old browsers: empty blocked-uri for inline and eval. */
    static final String EMPTY_BLOCKED = """
            {"csp-report":{"document-uri":"http://old.example.org/","blocked-uri":"","violated-directive":"script-src 'self'"}}""";

    /** MDN "CSP: report-to" example, Reporting API. */
    static final String MDN_REPORT_TO = """
            [{"age":53531,"type":"csp-violation","url":"https://example.com/csp-report",\
            "user_agent":"Mozilla/5.0 (X11; Linux x86_64; rv:149.0) Gecko/20100101 Firefox/149.0",\
            "body":{"blockedURL":"inline","columnNumber":39,"disposition":"enforce",\
            "documentURL":"https://example.com/csp-report","effectiveDirective":"script-src-elem","lineNumber":121,\
            "originalPolicy":"default-src 'self'; report-to csp-endpoint-name","referrer":"https://www.google.com/",\
            "sample":"console.log(\\"lo\\")","sourceFile":"https://example.com/csp-report","statusCode":200}}]""";

    /** Headless Chromium batch (§7): two violations and a deprecation report to the same endpoint. */
    static final String CHROMIUM_BATCH = """
            [{"age":2,"body":{"blockedURL":"inline","columnNumber":9,"disposition":"enforce",\
            "documentURL":"https://127.0.0.1:8443/page?x=1","effectiveDirective":"script-src-elem","lineNumber":3,\
            "originalPolicy":"script-src 'self' 'report-sample'; report-to csp","referrer":"","sample":"alert(document.cookie)",\
            "sourceFile":"https://127.0.0.1:8443/page?x=1","statusCode":200},"type":"csp-violation",\
            "url":"https://127.0.0.1:8443/page?x=1","user_agent":"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36"},\
            {"age":5,"body":{"blockedURL":"https://evil.example/steal.js","disposition":"enforce",\
            "documentURL":"https://shop.example.com/","effectiveDirective":"script-src-elem","originalPolicy":"script-src 'self'",\
            "referrer":"","statusCode":200},"type":"csp-violation","url":"https://shop.example.com/","user_agent":"%s"},\
            {"age":9,"body":{"id":"UnloadHandler","message":"Unload event listeners are deprecated","sourceFile":null},\
            "type":"deprecation","url":"https://shop.example.com/","user_agent":"%s"}]""".formatted(CHROME_UA, CHROME_UA);

    /** One of each non-CSP type from §1.4, plus an unknown type. */
    static final String OTHER_TYPES = """
            [{"type":"deprecation","url":"https://a.example/","age":1,"user_agent":"x","body":{"id":"x","message":"m"}},
             {"type":"intervention","url":"https://a.example/","body":{"id":"y","message":"m"}},
             {"type":"crash","url":"https://a.example/","body":{"reason":"oom"}},
             {"type":"coep","url":"https://a.example/","body":{"type":"corp","blockedURL":"https://b.example/x","destination":"image","disposition":"enforce"}},
             {"type":"coop","url":"https://a.example/","body":{"disposition":"reporting","effectivePolicy":"same-origin","type":"navigation-from-response"}},
             {"type":"permissions-policy-violation","url":"https://a.example/","body":{"featureId":"camera","disposition":"enforce"}},
             {"type":"network-error","url":"https://a.example/","body":{"sampling_fraction":1.0,"elapsed_time":45,"phase":"dns","type":"dns.name_not_resolved"}},
             {"type":"integrity-violation","url":"https://a.example/","body":{"documentURL":"https://a.example/","blockedURL":"https://c.example/x.js"}},
             {"type":"csp-hash","url":"https://a.example/","body":{"document_url":"https://a.example/","subresource_url":"https://c.example/x.js","hash":"sha256-abc","type":"subresource","destination":"script"}},
             {"type":"future-report-type","url":"https://a.example/","body":null}]""";

    private ReportSamples() {
    }

    static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
