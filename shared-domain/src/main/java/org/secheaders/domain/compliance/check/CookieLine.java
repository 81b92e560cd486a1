package org.secheaders.domain.compliance.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.secheaders.domain.grading.ResponseHeaders;

/**
 * One {@code Set-Cookie} line read as RFC 6265bis does: a name-value pair, then attributes, the
 * last occurrence of an attribute winning. The value is kept only to write the line back when a
 * remediation adds attributes; everything shown to people goes through {@link #redacted()}.
 *
 * @param name       the cookie name, case kept (prefixes are case-sensitive)
 * @param value      the cookie value, never reported
 * @param attributes the attributes in written order
 */
public record CookieLine(String name, String value, List<Attribute> attributes) {

    static final String SET_COOKIE = "Set-Cookie";
    /** Names that usually hold a session or credential, when the tenant has not named its session cookies. */
    private static final Pattern SESSION_NAME = Pattern.compile("sess|sid|auth|token|jwt|login", Pattern.CASE_INSENSITIVE);
    private static final String REDACTED = "<redacted>";

    public CookieLine {
        attributes = List.copyOf(attributes);
    }

    /** An attribute such as {@code Secure} (no value) or {@code SameSite=Lax}. */
    public record Attribute(String name, Optional<String> value) {
        boolean is(String other) {
            return name.equalsIgnoreCase(other);
        }

        String serialize() {
            return value.map(v -> name + "=" + v).orElse(name);
        }
    }

    /** Every cookie the headers set, in order; lines without a name-value pair are skipped, as browsers skip them. */
    public static List<CookieLine> all(ResponseHeaders headers) {
        return headers.values(SET_COOKIE).stream().flatMap(line -> parse(line).stream()).toList();
    }

    /** Empty for a line without a name-value pair, which browsers ignore. */
    public static Optional<CookieLine> parse(String line) {
        String[] parts = line.split(";", -1);
        int equals = parts[0].indexOf('=');
        if (equals <= 0 || parts[0].substring(0, equals).isBlank()) {
            return Optional.empty();
        }
        List<Attribute> attributes = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            attributes.add(eq < 0 ? new Attribute(part, Optional.empty())
                    : new Attribute(part.substring(0, eq).trim(), Optional.of(part.substring(eq + 1).trim())));
        }
        return Optional.of(new CookieLine(parts[0].substring(0, equals).trim(), parts[0].substring(equals + 1).trim(),
                attributes));
    }

    /** Whether the cookie holds a session: one of the tenant's named cookies, else guessed from its name. */
    public boolean isSession(Set<String> declaredSessionCookies) {
        if (!declaredSessionCookies.isEmpty()) {
            return declaredSessionCookies.stream().anyMatch(name::equalsIgnoreCase);
        }
        return SESSION_NAME.matcher(name).find();
    }

    public boolean secure() {
        return has("Secure");
    }

    public boolean httpOnly() {
        return has("HttpOnly");
    }

    /** The SameSite value as written (lower case), when the attribute is present. */
    public Optional<String> sameSite() {
        return last("SameSite").map(a -> a.value().orElse("").toLowerCase(Locale.ROOT));
    }

    public Optional<String> domain() {
        return last("Domain").flatMap(Attribute::value).filter(v -> !v.isEmpty());
    }

    public Optional<String> path() {
        return last("Path").flatMap(Attribute::value);
    }

    /** The line with the value replaced: what reports show. */
    public String redacted() {
        return serialize(REDACTED);
    }

    /** The line as it would be sent, value included: only for patched header sets, never for reports. */
    public String serialize() {
        return serialize(value);
    }

    /** This cookie with the attribute set (replacing any of that name), e.g. {@code with("SameSite", Optional.of("Lax"))}. */
    public CookieLine with(String attribute, Optional<String> attributeValue) {
        List<Attribute> kept = new ArrayList<>(attributes.stream().filter(a -> !a.is(attribute)).toList());
        kept.add(new Attribute(attribute, attributeValue));
        return new CookieLine(name, value, kept);
    }

    private boolean has(String attribute) {
        return last(attribute).isPresent();
    }

    private Optional<Attribute> last(String attribute) {
        Attribute found = null;
        for (Attribute a : attributes) {
            if (a.is(attribute)) {
                found = a;
            }
        }
        return Optional.ofNullable(found);
    }

    private String serialize(String shownValue) {
        return name + "=" + shownValue + attributes.stream().map(a -> "; " + a.serialize()).collect(Collectors.joining());
    }
}
