package org.secheaders.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspPolicy;

/** IP literals as sources: browsers do not match them reliably, and 127.0.0.1 suggests a leftover from development. */
final class IpSourceCheck implements CspCheck {

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        List<CspFinding> findings = new ArrayList<>();
        for (CspDirective directive : policy.directives()) {
            for (String value : SourceValues.serialized(directive.sources())) {
                String host = SourceValues.hostname(value);
                if (host.equals("127.0.0.1")) {
                    findings.add(finding(directive.name(), value,
                            directive.name() + " allows localhost (" + value + ").",
                            "Remove " + value + " from the production policy."));
                } else if (looksLikeIp(host)) {
                    findings.add(finding(directive.name(), value,
                            directive.name() + " names the IP address " + host + "; sources are matched by host "
                                    + "name, so the entry is unreliable.",
                            "Replace " + value + " with the host name that serves the resources."));
                }
            }
        }
        return findings;
    }

    private static boolean looksLikeIp(String host) {
        return (host.startsWith("[") && host.endsWith("]")) || IPV4.matcher(host).matches();
    }

    private static CspFinding finding(String directive, String value, String message, String fix) {
        return CspFinding.onValue(FindingType.IP_SOURCE, FindingSeverity.INFO, directive, value, message, fix);
    }
}
