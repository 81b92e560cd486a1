package org.secheaders.domain.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspFallback;
import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.csp.SourceExpression;

/**
 * The definition of "weaker" that locks enforce.
 *
 * <p><b>CSP.</b> Every directive a lock governs is compared by its effective value (its own, or the
 * one it falls back to). A candidate is weaker where it:
 * <ul>
 *   <li>lists any source (other than {@code 'none'}/{@code 'report-sample'}) where the reference allows
 *       nothing ({@code object-src 'none'}, {@code base-uri 'none'}, {@code frame-ancestors 'none'});</li>
 *   <li>lists a <em>dangerous</em> source the reference does not already list as dangerous: any scheme
 *       source ({@code data:}, {@code https:}, …), a wildcard host ({@code *}, {@code https://*},
 *       {@code *.com}), a host over {@code http:}/{@code ws:}/{@code ftp:}, any {@code 'unsafe-…'}
 *       or other relaxing keyword, {@code 'unsafe-inline'} without a nonce or hash next to it, a
 *       fixed {@code 'nonce-…'} (public, so anyone can use it), or a token that is no source;</li>
 *   <li>drops {@code 'strict-dynamic'} while host, scheme or {@code 'self'} sources remain, since
 *       CSP3 browsers ignore those only while {@code 'strict-dynamic'} is present.</li>
 * </ul>
 * Hosts over https, {@code 'self'}, hashes and {@code 'strict-dynamic'} are not weakenings: they are
 * how tenants name their own CDNs and inline scripts. Removing sources only ever tightens.
 * Dangerous sources are judged conservatively, as a CSP2 browser reads them: {@code *} next to
 * {@code 'strict-dynamic'} still counts, because older browsers honour it.
 *
 * <p><b>Headers.</b> Each {@link SecurityHeader} defines its own order ({@link SecurityHeader#weakerThan}).
 */
public final class Strictness {
    private static final Set<CspKeyword> HARMLESS_KEYWORDS =
            EnumSet.of(CspKeyword.SELF, CspKeyword.NONE, CspKeyword.STRICT_DYNAMIC, CspKeyword.REPORT_SAMPLE);
    private static final Set<String> INSECURE_SCHEMES = Set.of("http", "ftp", "ws");
    private static final SourceExpression STRICT_DYNAMIC = new SourceExpression.Keyword(CspKeyword.STRICT_DYNAMIC);

    private Strictness() {
    }

    /**
     * How {@code candidate} is weaker than {@code reference} in the directives {@code locks} governs.
     * {@code nonceDirectives} names the directives that receive the per-response nonce in both.
     */
    public static List<Weakening> weakenings(
            CspPolicy reference, CspPolicy candidate, Collection<String> nonceDirectives, PolicyLocks locks) {
        Set<String> names = new TreeSet<>(locks.directives());
        reference.directives().forEach(d -> names.add(d.name()));
        candidate.directives().forEach(d -> names.add(d.name()));
        List<Weakening> weakenings = new ArrayList<>();
        for (String name : names) {
            if (!locks.governs(name)) {
                continue;
            }
            Optional<CspDirective> ref = CspFallback.effective(reference, name);
            Optional<CspDirective> cand = CspFallback.effective(candidate, name);
            if (ref.isEmpty()) {
                continue;
            }
            if (cand.isEmpty()) {
                weakenings.add(new Weakening(name, "*", name + " is no longer restricted at all"));
                continue;
            }
            weakenings.addAll(weakerSources(name,
                    ref.get().sources(), nonceDirectives.contains(ref.get().name()),
                    cand.get().sources(), nonceDirectives.contains(cand.get().name())));
        }
        return weakenings;
    }

    /** How {@code candidate} is weaker than {@code reference}, a header of the same kind. */
    public static List<Weakening> weakenings(SecurityHeader reference, SecurityHeader candidate) {
        String name = reference.kind().headerName();
        return candidate.weakerThan(reference).stream()
                .map(token -> new Weakening(name, token, name + " '" + candidate.value()
                        + "' is weaker than the platform's '" + reference.value() + "' (" + token + ")"))
                .toList();
    }

    /**
     * The weakenings a change introduces: those of the candidate against the platform that the current
     * value did not already have, plus those it has again but worse than the current value (e.g. an
     * even shorter HSTS max-age). Weakenings granted to an earlier row stay with that row.
     */
    static List<Weakening> introduced(
            List<Weakening> candidateVsPlatform, List<Weakening> currentVsPlatform, List<Weakening> candidateVsCurrent) {
        Set<String> inherited = keys(currentVsPlatform);
        Set<String> worse = keys(candidateVsCurrent);
        return candidateVsPlatform.stream()
                .filter(w -> !inherited.contains(w.grantKey()) || worse.contains(w.grantKey()))
                .toList();
    }

    private static Set<String> keys(List<Weakening> weakenings) {
        Set<String> keys = new HashSet<>();
        weakenings.forEach(w -> keys.add(w.grantKey()));
        return keys;
    }

    private static List<Weakening> weakerSources(String name,
            List<SourceExpression> reference, boolean referenceNonced,
            List<SourceExpression> candidate, boolean candidateNonced) {
        List<Weakening> weakenings = new ArrayList<>();
        if (Sources.allowsNothing(reference)) {
            candidate.stream()
                    .filter(s -> !s.equals(Sources.NONE) && !s.equals(Sources.REPORT_SAMPLE))
                    .forEach(s -> weakenings.add(new Weakening(name, s.serialize(),
                            name + " allows nothing on the platform; " + s.serialize() + " would allow loads")));
            return weakenings;
        }
        for (SourceExpression source : candidate) {
            Optional<String> danger = danger(name, source, candidate, candidateNonced);
            boolean alreadyDangerous = reference.contains(source)
                    && danger(name, source, reference, referenceNonced).isPresent();
            if (danger.isPresent() && !alreadyDangerous) {
                weakenings.add(new Weakening(name, source.serialize(), danger.get()));
            }
        }
        boolean allowlistRemains = candidate.stream().anyMatch(s -> s instanceof SourceExpression.Host
                || s instanceof SourceExpression.Scheme || s.equals(new SourceExpression.Keyword(CspKeyword.SELF)));
        if (reference.contains(STRICT_DYNAMIC) && !candidate.contains(STRICT_DYNAMIC) && allowlistRemains) {
            weakenings.add(new Weakening(name, STRICT_DYNAMIC.serialize(), "dropping 'strict-dynamic' makes the host, "
                    + "scheme and 'self' sources of " + name + " effective again"));
        }
        return weakenings;
    }

    /** Why {@code source} is dangerous inside {@code sources}; empty when it is not. */
    private static Optional<String> danger(
            String name, SourceExpression source, List<SourceExpression> sources, boolean nonced) {
        String token = source.serialize();
        if (source instanceof SourceExpression.Keyword keyword) {
            if (keyword.keyword() == CspKeyword.UNSAFE_INLINE) {
                return nonced || Sources.hasNonceOrHash(sources)
                        ? Optional.empty()
                        : Optional.of(token + " without a nonce or hash allows any inline code in " + name);
            }
            return HARMLESS_KEYWORDS.contains(keyword.keyword())
                    ? Optional.empty()
                    : Optional.of(token + " relaxes " + name);
        }
        if (source instanceof SourceExpression.Nonce) {
            return Optional.of("a fixed nonce in " + name + " is public, so any script carrying it would run");
        }
        if (source instanceof SourceExpression.Hash) {
            return Optional.empty();
        }
        if (source instanceof SourceExpression.Scheme) {
            return Optional.of("the scheme source " + token + " allows every host in " + name);
        }
        if (source instanceof SourceExpression.Host host) {
            if (isWildcard(host.host())) {
                return Optional.of(token + " allows any host in " + name);
            }
            return host.scheme().filter(INSECURE_SCHEMES::contains)
                    .map(scheme -> token + " loads over the insecure scheme " + scheme + ": in " + name);
        }
        return Optional.of("'" + token + "' is not a source expression the platform can judge in " + name);
    }

    /** {@code *}, or a wildcard over a single label such as {@code *.com}, which matches whole top-level domains. */
    private static boolean isWildcard(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return name.equals("*") || (name.startsWith("*.") && name.indexOf('.', 2) < 0);
    }
}
