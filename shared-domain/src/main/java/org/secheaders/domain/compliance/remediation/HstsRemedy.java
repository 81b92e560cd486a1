package org.secheaders.domain.compliance.remediation;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Strict-Transport-Security value fixing every failing HSTS check at once: OSHP's value (two
 * years, all subdomains), a longer current max-age kept, {@code preload} only when the preload
 * check itself fails (it commits the domain to browsers' lists).
 */
final class HstsRemedy implements Remedy {
    static final String HEADER = "Strict-Transport-Security";
    private static final String BUILT_IN = "max-age=63072000; includeSubDomains";
    private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*\"?(\\d{1,18})", Pattern.CASE_INSENSITIVE);
    private static final Set<String> CHECKS = Set.of("hsts.present", "hsts.max_age_one_year", "hsts.include_subdomains",
            "hsts.preload");

    @Override
    public Set<String> addresses() {
        return CHECKS;
    }

    @Override
    public List<Proposal> propose(RemedyInput input) {
        if (!input.anyFailing(CHECKS)) {
            return List.of();
        }
        long current = input.headers().first(HEADER).map(HstsRemedy::maxAge).orElse(0L);
        long maxAge = Math.max(maxAge(input.recommended(HEADER, BUILT_IN)), current);
        String value = "max-age=" + maxAge + "; includeSubDomains" + (input.failing("hsts.preload") ? "; preload" : "");
        return List.of(new Proposal(HEADER, CHECKS, List.of(Candidate.of(new HeaderPatch.SetHeader(HEADER, value),
                "HSTS for at least a year on the host and every subdomain, so browsers never use plain HTTP."))));
    }

    private static long maxAge(String value) {
        Matcher m = MAX_AGE.matcher(value);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
