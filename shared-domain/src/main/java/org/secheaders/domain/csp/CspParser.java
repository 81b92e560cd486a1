package org.secheaders.domain.csp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.secheaders.domain.csp.CspParseFinding.Kind;

/**
 * Parses serialized policies the way CSP3 browsers do (§2.2.1 "parse a serialized CSP",
 * §2.2.2 "parse a response's CSP"). It never throws: whatever a browser would drop or misread is
 * kept in the result as a {@link CspParseFinding}, and the policy holds what the browser enforces.
 */
public final class CspParser {

    /** ASCII whitespace per the Infra standard: TAB, LF, FF, CR, SPACE (not \s, which adds VT). */
    private static final Pattern ASCII_WHITESPACE = Pattern.compile("[\t\n\f\r ]+");

    private CspParser() {
    }

    /** Parses one serialized policy; a {@code null} is read as the empty policy. */
    public static CspParseResult parse(String policy) {
        List<CspDirective> directives = new ArrayList<>();
        List<CspParseFinding> findings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : (policy == null ? "" : policy).split(";", -1)) {
            String token = stripAsciiWhitespace(raw);
            if (token.isEmpty()) {
                continue;
            }
            String[] parts = ASCII_WHITESPACE.split(token);
            if (!isAscii(token)) {
                findings.add(CspParseFinding.ofDirective(Kind.NON_ASCII_DIRECTIVE, parts[0],
                        "Directive '" + parts[0] + "' contains non-ASCII characters; browsers ignore the whole directive."));
                continue;
            }
            String name = parts[0].toLowerCase(Locale.ROOT);
            if (!seen.add(name)) {
                findings.add(CspParseFinding.ofDirective(Kind.DUPLICATE_DIRECTIVE, name,
                        "Directive '" + name + "' appears more than once; browsers use the first and ignore this one."));
                continue;
            }
            List<String> values = List.of(parts).subList(1, parts.length);
            directives.add(new CspDirective(name, readValues(name, values, findings)));
        }
        return new CspParseResult(new CspPolicy(directives), findings);
    }

    /**
     * Parses a {@code Content-Security-Policy} header value, which may carry several policies joined
     * by commas (one per header line, or several in one line); blank entries are dropped.
     */
    public static List<CspParseResult> parseHeader(String headerValue) {
        List<CspParseResult> policies = new ArrayList<>();
        for (String serialized : (headerValue == null ? "" : headerValue).split(",", -1)) {
            CspParseResult result = parse(serialized);
            if (!result.policy().directives().isEmpty() || !result.isClean()) {
                policies.add(result);
            }
        }
        return policies;
    }

    private static List<SourceExpression> readValues(String name, List<String> values, List<CspParseFinding> findings) {
        boolean sourceList = KnownDirective.fromName(name)
                .map(d -> d.grammar() == KnownDirective.Grammar.SOURCE_LIST)
                .orElse(false);
        if (!sourceList) {
            return values.stream().<SourceExpression>map(SourceExpression.Token::new).toList();
        }
        List<SourceExpression> sources = new ArrayList<>();
        for (String value : values) {
            sources.add(SourceExpressionParser.parse(value, name, findings));
        }
        SourceExpression none = new SourceExpression.Keyword(CspKeyword.NONE);
        if (sources.size() > 1 && sources.contains(none)) {
            findings.add(CspParseFinding.ofValue(Kind.NONE_WITH_OTHER_SOURCES, name, none.serialize(),
                    "'none' has no effect in '" + name + "' because other sources are listed next to it."));
        }
        return sources;
    }

    private static String stripAsciiWhitespace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isAsciiWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
