package org.secheaders.domain.csp;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.secheaders.domain.csp.CspParseFinding.Kind;

/** Reads one token of a source list into a {@link SourceExpression} (CSP3 §2.3.1 grammar). */
final class SourceExpressionParser {

    private static final String SCHEME = "[A-Za-z][A-Za-z0-9+.-]*";
    private static final String LABEL = "[A-Za-z0-9-]+";
    private static final String HOST = "\\*|(?:\\*\\.)?" + LABEL + "(?:\\." + LABEL + ")*\\.?";
    private static final String PORT = "[0-9]+|\\*";
    // RFC 3986 pchar minus ',' and ';', which cannot reach here (they split headers and directives).
    private static final String PCHAR = "(?:[A-Za-z0-9._~!$&'()*+=:@-]|%[0-9A-Fa-f]{2})";
    private static final String PATH = "/(?:" + PCHAR + "+(?:/" + PCHAR + "*)*)?";

    private static final Pattern SCHEME_SOURCE = Pattern.compile("(" + SCHEME + "):");
    private static final Pattern HOST_SOURCE = Pattern.compile(
            "(?:(" + SCHEME + ")://)?(" + HOST + ")(?::(" + PORT + "))?(" + PATH + ")?");
    private static final Pattern BASE64_VALUE = Pattern.compile("[A-Za-z0-9+/_-]+={0,2}");
    private static final Pattern HASH = Pattern.compile("'(sha256|sha384|sha512)-(.*)'", Pattern.CASE_INSENSITIVE);
    private static final String NONCE_PREFIX = "'nonce-";

    private SourceExpressionParser() {
    }

    /** Parses {@code token}; anything that is no valid source expression is kept as a {@link SourceExpression.Token}. */
    static SourceExpression parse(String token, String directive, List<CspParseFinding> findings) {
        if (token.startsWith("'")) {
            return quoted(token, directive, findings);
        }
        Matcher scheme = SCHEME_SOURCE.matcher(token);
        if (scheme.matches()) {
            return new SourceExpression.Scheme(scheme.group(1));
        }
        Matcher host = HOST_SOURCE.matcher(token);
        if (host.matches()) {
            if (CspKeyword.looksLikeUnquotedKeyword(token)) {
                findings.add(CspParseFinding.ofValue(Kind.UNQUOTED_KEYWORD, directive, token, token
                        + " has no single quotes, so browsers read it as a host name, not as a keyword, nonce or hash."));
            }
            return new SourceExpression.Host(Optional.ofNullable(host.group(1)), host.group(2),
                    Optional.ofNullable(host.group(3)), Optional.ofNullable(host.group(4)).orElse(""));
        }
        findings.add(CspParseFinding.ofValue(Kind.INVALID_SOURCE, directive, token,
                "'" + token + "' is not a valid source expression; browsers ignore it."));
        return new SourceExpression.Token(token);
    }

    private static SourceExpression quoted(String token, String directive, List<CspParseFinding> findings) {
        Optional<CspKeyword> keyword = CspKeyword.fromToken(token);
        if (keyword.isPresent()) {
            return new SourceExpression.Keyword(keyword.get());
        }
        if (token.length() > NONCE_PREFIX.length() && token.endsWith("'")
                && token.substring(0, NONCE_PREFIX.length()).toLowerCase(Locale.ROOT).equals(NONCE_PREFIX)) {
            String value = token.substring(NONCE_PREFIX.length(), token.length() - 1);
            if (BASE64_VALUE.matcher(value).matches()) {
                return new SourceExpression.Nonce(value);
            }
            return invalidKeyword(token, directive, findings, "the nonce value is not base64");
        }
        Matcher hash = HASH.matcher(token);
        if (hash.matches()) {
            if (BASE64_VALUE.matcher(hash.group(2)).matches()) {
                return new SourceExpression.Hash(hash.group(1), hash.group(2));
            }
            return invalidKeyword(token, directive, findings, "the hash value is not base64");
        }
        return invalidKeyword(token, directive, findings, "it is not a CSP keyword");
    }

    private static SourceExpression invalidKeyword(
            String token, String directive, List<CspParseFinding> findings, String reason) {
        findings.add(CspParseFinding.ofValue(Kind.INVALID_KEYWORD, directive, token,
                token + " is ignored by browsers: " + reason + "."));
        return new SourceExpression.Token(token);
    }
}
