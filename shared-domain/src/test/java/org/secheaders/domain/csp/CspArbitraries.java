package org.secheaders.domain.csp;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators for property tests: valid policies in canonical form, and CSP-like text of any shape. */
public final class CspArbitraries {

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final String ALNUM = LOWER + LOWER.toUpperCase() + DIGITS;
    private static final String BASE64 = ALNUM + "+/-_";
    private static final String PATH_CHARS = ALNUM + "-._~!$&'()*+=:@";
    /** Printable ASCII except the characters that separate policies, directives and tokens. */
    private static final String TOKEN_CHARS = ALNUM + "!\"#$%&'()*+-./:<=>?@[\\]^_`{|}~";
    private static final String WHITESPACE = " \t\n\f\r";

    private CspArbitraries() {
    }

    /** Valid policies: unique directive names, and in source lists only expressions that parse back to themselves. */
    public static Arbitrary<CspPolicy> policies() {
        return directive().list().ofMaxSize(8).uniqueElements(CspDirective::name).map(CspPolicy::new);
    }

    /** Text mixing directive names, keywords and the characters that matter to the parser. */
    public static Arbitrary<String> cspLikeText() {
        Arbitrary<String> fragments = Arbitraries.of("script-src", "default-src", "report-uri", "'self'", "'nonce-",
                "'sha256-", "https:", "//", "*.", ":*", "self", "'none'", "'", ";", ",", " ", "\t", "\u000b", "ü");
        Arbitrary<String> chars = Arbitraries.strings().withChars(TOKEN_CHARS + WHITESPACE + ";,").ofMaxLength(3);
        return Arbitraries.oneOf(fragments, chars).list().ofMaxSize(24).map(parts -> String.join("", parts));
    }

    /**
     * Writes {@code policy} with random case wherever CSP3 is case-insensitive (names, keywords, the
     * nonce prefix, hash algorithms, schemes, hosts) and random ASCII whitespace and empty directives.
     */
    public static String writeLoosely(CspPolicy policy, Random random) {
        StringBuilder out = new StringBuilder(spaces(random, 0));
        for (CspDirective directive : policy.directives()) {
            out.append(randomCase(directive.name(), random));
            for (SourceExpression source : directive.sources()) {
                out.append(spaces(random, 1)).append(writeLoosely(source, random));
            }
            out.append(spaces(random, 0)).append(random.nextBoolean() ? ";" : ";;").append(spaces(random, 0));
        }
        return out.toString();
    }

    private static String writeLoosely(SourceExpression source, Random random) {
        if (source instanceof SourceExpression.Keyword k) {
            return randomCase(k.serialize(), random);
        }
        if (source instanceof SourceExpression.Nonce n) {
            return "'" + randomCase("nonce-", random) + n.value() + "'";
        }
        if (source instanceof SourceExpression.Hash h) {
            return "'" + randomCase(h.algorithm(), random) + "-" + h.value() + "'";
        }
        if (source instanceof SourceExpression.Scheme s) {
            return randomCase(s.serialize(), random);
        }
        if (source instanceof SourceExpression.Host h) {
            return h.scheme().map(s -> randomCase(s, random) + "://").orElse("") + randomCase(h.host(), random)
                    + h.port().map(p -> ":" + p).orElse("") + h.path();
        }
        return source.serialize();
    }

    private static String randomCase(String s, Random random) {
        return s.chars()
                .mapToObj(c -> String.valueOf((char) (random.nextBoolean() ? Character.toUpperCase(c) : c)))
                .collect(Collectors.joining());
    }

    private static String spaces(Random random, int min) {
        int count = min + random.nextInt(3);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(WHITESPACE.charAt(random.nextInt(WHITESPACE.length())));
        }
        return out.toString();
    }

    private static Arbitrary<CspDirective> directive() {
        Arbitrary<String> known = Arbitraries.of(KnownDirective.class).map(KnownDirective::token);
        Arbitrary<String> unknown = lower(1, 8).map(s -> "x-" + s);
        return Arbitraries.frequencyOf(Tuple.of(9, known), Tuple.of(1, unknown))
                .flatMap(name -> value(name).list().ofMaxSize(6).map(values -> new CspDirective(name, values)));
    }

    private static Arbitrary<SourceExpression> value(String directive) {
        boolean sourceList = KnownDirective.fromName(directive)
                .map(d -> d.grammar() == KnownDirective.Grammar.SOURCE_LIST)
                .orElse(false);
        if (!sourceList) {
            return Arbitraries.strings().withChars(TOKEN_CHARS).ofMinLength(1).ofMaxLength(12)
                    .map(SourceExpression.Token::new);
        }
        return Arbitraries.oneOf(keyword(), nonce(), hash(), scheme(), host(), invalidKeyword());
    }

    private static Arbitrary<SourceExpression> keyword() {
        return Arbitraries.of(CspKeyword.class).map(SourceExpression.Keyword::new);
    }

    private static Arbitrary<SourceExpression> nonce() {
        return base64().map(SourceExpression.Nonce::new);
    }

    private static Arbitrary<SourceExpression> hash() {
        return Combinators.combine(Arbitraries.of("sha256", "sha384", "sha512"), base64())
                .as(SourceExpression.Hash::new);
    }

    private static Arbitrary<SourceExpression> scheme() {
        return Combinators.combine(lower(1, 1), Arbitraries.strings().withChars(LOWER + DIGITS + "+.-").ofMaxLength(8))
                .as((first, rest) -> new SourceExpression.Scheme(first + rest));
    }

    private static Arbitrary<SourceExpression> host() {
        Arbitrary<String> scheme = scheme().map(s -> ((SourceExpression.Scheme) s).scheme());
        Arbitrary<String> port = Arbitraries.oneOf(Arbitraries.strings().withChars(DIGITS).ofMinLength(1).ofMaxLength(5),
                Arbitraries.just("*"));
        return Combinators.combine(scheme.optional(), hostName(), port.optional(), path())
                .as(SourceExpression.Host::new);
    }

    private static Arbitrary<String> hostName() {
        Arbitrary<String> label = Arbitraries.strings().withChars(LOWER + DIGITS + "-").ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> dotted = Combinators.combine(Arbitraries.of("", "*."), label.list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.of("", "."))
                .as((wildcard, labels, trailingDot) -> wildcard + String.join(".", labels) + trailingDot);
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("*")), Tuple.of(9, dotted));
    }

    /** RFC 3986 path-absolute with percent-encoded octets, or no path. */
    private static Arbitrary<String> path() {
        Arbitrary<String> unit = Arbitraries.oneOf(
                Arbitraries.strings().withChars(PATH_CHARS).ofLength(1),
                Arbitraries.strings().withChars("0123456789ABCDEFabcdef").ofLength(2).map(hex -> "%" + hex));
        Arbitrary<String> segment = unit.list().ofMaxSize(6).map(units -> String.join("", units));
        Arbitrary<String> firstSegment = unit.list().ofMinSize(1).ofMaxSize(6).map(units -> String.join("", units));
        Arbitrary<String> nonEmpty = Combinators.combine(firstSegment, segment.list().ofMaxSize(3))
                .as((first, rest) -> "/" + first + rest.stream().map(s -> "/" + s).collect(Collectors.joining()));
        return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("/"), nonEmpty);
    }

    /** Quoted tokens that are no keyword: kept as tokens (with a finding), so they still round-trip. */
    private static Arbitrary<SourceExpression> invalidKeyword() {
        return lower(1, 8).map(s -> new SourceExpression.Token("'x-" + s + "'"));
    }

    private static Arbitrary<String> base64() {
        return Combinators.combine(Arbitraries.strings().withChars(BASE64).ofMinLength(1).ofMaxLength(24),
                Arbitraries.integers().between(0, 2)).as((value, padding) -> value + "=".repeat(padding));
    }

    private static Arbitrary<String> lower(int min, int max) {
        return Arbitraries.strings().withChars(LOWER).ofMinLength(min).ofMaxLength(max);
    }
}
