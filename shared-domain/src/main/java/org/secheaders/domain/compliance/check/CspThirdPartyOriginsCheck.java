package org.secheaders.domain.compliance.check;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.csp.KnownDirective;
import org.secheaders.domain.csp.SourceExpression;

/**
 * {@code csp.third_party_origins}: every host the CSP lets the page load from is the tenant's own
 * or a declared processor. Loading a third-party resource sends the visitor's IP address there
 * (LG München I, 3 O 17493/20), so undeclared third parties are a GDPR Art. 44/28 question. A
 * host counts as reachable only if every enforced policy lists it. Without a CSP the hosts cannot
 * be enumerated from headers: not evaluated.
 */
final class CspThirdPartyOriginsCheck implements AtomicCheck {
    static final String ID = "csp.third_party_origins";
    private static final List<String> FETCH = Arrays.stream(KnownDirective.values())
            .filter(KnownDirective::isFetch).map(KnownDirective::token).toList();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "only first-party or declared third-party hosts in fetch directives";
    }

    @Override
    public String fix() {
        return "Declare each third-party host as a processor, or self-host what it serves.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        CspEvidence csp = context.csp();
        Finding finding = Finding.of(this, csp.observed(), csp.lines());
        if (!csp.hasEnforced()) {
            return finding.notEvaluated("no enforced CSP, so the third parties the page loads from cannot be "
                    + "enumerated from headers");
        }
        Optional<Set<String>> reachable = Optional.empty();
        for (CspPolicy policy : csp.enforced()) {
            Optional<Set<String>> hosts = hosts(policy);
            if (hosts.isPresent()) {
                reachable = Optional.of(reachable.map(known -> intersect(known, hosts.get())).orElse(hosts.get()));
            }
        }
        if (reachable.isEmpty()) {
            return finding.warn("any_origin", "A wildcard or bare scheme lets the page load from any origin, "
                    + "so third parties cannot be limited to declared processors.");
        }
        Set<String> undeclared = new TreeSet<>();
        for (String host : reachable.get()) {
            if (!firstParty(context, host) && !covered(context.options().tenant().declaredThirdParties(), host)) {
                undeclared.add(host);
            }
        }
        return undeclared.isEmpty()
                ? finding.pass("declared_only", "Every host in the CSP is first-party or a declared processor.")
                : finding.warn("undeclared_third_parties", "Undeclared third-party hosts: " + String.join(", ", undeclared)
                        + ". Declare them as processors or self-host the resources.");
    }

    /** The hosts a policy's fetch directives name; empty when one allows any origin. */
    private static Optional<Set<String>> hosts(CspPolicy policy) {
        Set<String> hosts = new TreeSet<>();
        for (String name : FETCH) {
            Optional<CspDirective> directive = policy.directive(name);
            for (SourceExpression source : directive.map(CspDirective::sources).orElse(List.of())) {
                if (source instanceof SourceExpression.Scheme scheme && isNetworkScheme(scheme.scheme())) {
                    return Optional.empty();
                }
                if (source instanceof SourceExpression.Host host) {
                    if (host.host().equals("*")) {
                        return Optional.empty();
                    }
                    hosts.add(host.host());
                }
            }
        }
        // A fetch directive missing with no default-src leaves that resource type unrestricted.
        return policy.has("default-src") ? Optional.of(hosts) : Optional.empty();
    }

    private static boolean isNetworkScheme(String scheme) {
        return Set.of("http", "https", "ws", "wss", "ftp").contains(scheme);
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static boolean firstParty(EvaluationContext context, String host) {
        Optional<String> site = context.response().hostname();
        return site.filter(s -> host.equals(s) || host.endsWith("." + s)).isPresent()
                || covered(context.options().tenant().firstPartyHosts(), host);
    }

    /** {@code example.com} covers itself; {@code *.example.com} covers every subdomain and {@code *.example.com} itself. */
    static boolean covered(Collection<String> patterns, String host) {
        for (String pattern : patterns) {
            if (pattern.equals(host) || (pattern.startsWith("*.") && host.endsWith(pattern.substring(1)))) {
                return true;
            }
        }
        return false;
    }
}
