package org.secheaders.domain.compliance.check;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.secheaders.domain.grading.ResponseHeaders;

/**
 * {@code cache.no_store_sensitive}: responses the caller marked sensitive are not kept in browser
 * or shared caches (ASVS 5.0 14.3.2). {@code no-cache}/{@code private} only still stores the
 * response: a warning. Responses not marked sensitive are not applicable.
 */
final class CacheControlCheck implements AtomicCheck {
    static final String ID = "cache.no_store_sensitive";
    private static final String HEADER = "Cache-Control";
    private static final Pattern MAX_AGE = Pattern.compile("(?:s-)?max-age\\s*=\\s*\"?(\\d+)");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "Cache-Control: no-store on sensitive responses";
    }

    @Override
    public String fix() {
        return "Send Cache-Control: no-store on sensitive responses.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        ResponseHeaders headers = context.response().headers();
        List<String> values = headers.values(HEADER);
        Finding finding = Finding.of(this, headers.combined(HEADER),
                EvidenceLines.of(headers, HEADER));
        if (!context.bundle().profile().sensitive()) {
            return finding.notApplicable("not_sensitive", "The response is not marked as carrying sensitive data.");
        }
        List<String> directives = HeaderLists.lowerCaseMembers(values);
        if (directives.contains("no-store")) {
            return finding.pass("no_store", "The sensitive response is not stored by caches.");
        }
        boolean cacheable = directives.contains("public") || directives.stream().anyMatch(CacheControlCheck::positiveMaxAge);
        if (!cacheable && (directives.contains("no-cache") || directives.contains("private"))) {
            return finding.warn("stored_but_revalidated", "no-cache or private still lets the browser store the response.");
        }
        return finding.fail(values.isEmpty() ? "absent" : "cacheable", "The sensitive response may be cached.");
    }

    private static boolean positiveMaxAge(String directive) {
        Matcher m = MAX_AGE.matcher(directive);
        return m.matches() && !m.group(1).chars().allMatch(c -> c == '0');
    }
}
