package org.secheaders.platform.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.platform.auth.TenantDirectory;

class ToolArgumentsTest {

    @Test
    void readsTypedValues() {
        ToolArguments args = ToolArguments.of(Map.of(
                "name", "  csp  ", "limit", 25, "big", BigInteger.valueOf(5_000_000_000L), "ratio", 0.5,
                "strict", true, "severity", "critical", "since", "2026-01-31T12:00:00Z", "tags", List.of("a", "b")));

        assertEquals("csp", args.requireString("name"));
        assertEquals(25, args.requireInt("limit"));
        assertEquals(5_000_000_000L, args.requireLong("big"));
        assertEquals(0.5, args.requireDouble("ratio"));
        assertEquals(true, args.booleanOr("strict", false));
        assertEquals(SecuritySeverity.CRITICAL, args.requireEnum("severity", SecuritySeverity.class));
        assertEquals(Optional.of(Instant.parse("2026-01-31T12:00:00Z")), args.optionalInstant("since"));
        assertEquals(List.of("a", "b"), args.stringList("tags"));
    }

    @Test
    void absentValuesFallBackOrAreEmpty() {
        ToolArguments args = ToolArguments.of(null);

        assertEquals(Optional.empty(), args.optionalString("name"));
        assertEquals(10, args.intOr("limit", 10));
        assertEquals(false, args.booleanOr("strict", false));
        assertEquals(List.of(), args.stringList("tags"));
        assertEquals(Optional.empty(), args.optionalEnum("severity", SecuritySeverity.class));
    }

    @Test
    void blankStringsAndNullsCountAsAbsent() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("name", "   ");
        raw.put("limit", null);
        ToolArguments args = ToolArguments.of(raw);

        assertEquals("argument 'name' is required", problem(() -> args.requireString("name")));
        assertFalse(args.has("limit"));
    }

    @Test
    void problemsNameTheArgumentAndTheValue() {
        ToolArguments args = ToolArguments.of(Map.of(
                "limit", "ten", "ratio", 1.5, "name", 42, "severity", "bogus", "since", "yesterday",
                "tags", List.of("a", 3), "huge", 3_000_000_000L, "strict", "yes"));

        assertEquals("argument 'limit' must be an integer, got 'ten'", problem(() -> args.requireLong("limit")));
        assertEquals("argument 'ratio' must be a whole number within 64 bits, got 1.5", problem(() -> args.requireLong("ratio")));
        assertEquals("argument 'name' must be a string, got 42", problem(() -> args.requireString("name")));
        assertEquals("argument 'severity' must be one of [low, medium, high, critical], got 'bogus'",
                problem(() -> args.requireEnum("severity", SecuritySeverity.class)));
        assertEquals("argument 'since' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, got 'yesterday'",
                problem(() -> args.optionalInstant("since")));
        assertEquals("argument 'tags' must be an array of strings, but item 1 is 3", problem(() -> args.stringList("tags")));
        assertEquals("argument 'huge' is out of range, got 3000000000", problem(() -> args.requireInt("huge")));
        assertEquals("argument 'strict' must be true or false, got 'yes'", problem(() -> args.booleanOr("strict", false)));
        assertEquals("argument 'missing' is required", problem(() -> args.requireDouble("missing")));
    }

    @Test
    void tenantIdIsReadForAuthorizationAndHiddenFromHandlers() {
        Map<String, Object> raw = Map.of("tenant_id", 7, "limit", 3);

        assertEquals(Optional.of(7L), ToolArguments.requestedTenant(raw, Optional.empty()));
        assertFalse(ToolArguments.of(raw).has("tenant_id"));
        assertEquals(Optional.empty(), ToolArguments.requestedTenant(Map.of(), Optional.empty()));
        assertEquals("argument 'tenant_id' must be a positive integer, got 0",
                problem(() -> ToolArguments.requestedTenant(Map.of("tenant_id", 0), Optional.empty())));
        assertEquals("argument 'tenant_id' must be an integer, got '7'",
                problem(() -> ToolArguments.requestedTenant(Map.of("tenant_id", "7"), Optional.empty())));
    }

    @Test
    void tenantSlugIsResolvedThroughTheDirectoryAndHiddenFromHandlers() {
        Optional<TenantDirectory> directory = Optional.of(slug -> slug.equals("acme") ? Optional.of(7L) : Optional.empty());

        assertEquals(Optional.of(7L), ToolArguments.requestedTenant(Map.of("tenant", "acme"), directory));
        assertEquals(Optional.of(7L), ToolArguments.requestedTenant(Map.of("tenant", "acme", "tenant_id", 7), directory));
        assertFalse(ToolArguments.of(Map.of("tenant", "acme")).has("tenant"));
        assertEquals("argument 'tenant' names no tenant: 'globex'",
                problem(() -> ToolArguments.requestedTenant(Map.of("tenant", "globex"), directory)));
        assertEquals("argument 'tenant' names another tenant than tenant_id 8",
                problem(() -> ToolArguments.requestedTenant(Map.of("tenant", "acme", "tenant_id", 8), directory)));
        assertEquals("argument 'tenant' must be a tenant slug (lower-case letters, digits and inner hyphens), got 'Acme Inc'",
                problem(() -> ToolArguments.requestedTenant(Map.of("tenant", "Acme Inc"), directory)));
        assertEquals("argument 'tenant' must be a tenant slug (lower-case letters, digits and inner hyphens), got 7",
                problem(() -> ToolArguments.requestedTenant(Map.of("tenant", 7), directory)));
        assertEquals("argument 'tenant' cannot be resolved by this server; pass tenant_id instead",
                problem(() -> ToolArguments.requestedTenant(Map.of("tenant", "acme"), Optional.empty())));
    }

    @Test
    void jsonDocumentsAreTakenAsJsonOrAsText() {
        ToolArguments args = ToolArguments.of(Map.of("object", Map.of("csp-report", Map.of("document-uri", "https://a.example/")),
                "array", List.of(Map.of("type", "csp-violation")), "text", "{\"csp-report\": {}}", "number", 7));

        assertEquals(Optional.of("{\"csp-report\":{\"document-uri\":\"https://a.example/\"}}"), args.optionalJsonText("object"));
        assertEquals(Optional.of("[{\"type\":\"csp-violation\"}]"), args.optionalJsonText("array"));
        assertEquals(Optional.of("{\"csp-report\": {}}"), args.optionalJsonText("text"));
        assertEquals(Optional.empty(), args.optionalJsonText("absent"));
        assertEquals("argument 'number' must be a JSON object or array, or JSON text, got 7",
                problem(() -> args.optionalJsonText("number")));
    }

    @Test
    void longValuesAreShortenedInMessages() {
        String message = problem(() -> ToolArguments.of(Map.of("n", "x".repeat(500))).requireLong("n"));

        assertEquals("argument 'n' must be an integer, got '" + "x".repeat(76) + "…", message);
    }

    private static String problem(Runnable call) {
        return assertThrows(ToolInputException.class, call::run).getMessage();
    }

    private static String problem(java.util.function.Supplier<?> call) {
        return assertThrows(ToolInputException.class, call::get).getMessage();
    }
}
