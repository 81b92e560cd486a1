package org.secheaders.enforcement.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.OverridePermissions;
import org.secheaders.domain.policy.PolicyConfig;
import org.secheaders.domain.policy.PolicyJson;
import org.secheaders.enforcement.TenantKey;

/**
 * Reads per-tenant static policies from JSON, for deployments without a database:
 *
 * <pre>{@code
 * {"tenants": {
 *   "acme": [{"name": "cdn", "type": "headers", "inheritance": "extend",
 *             "config": {"csp": {"script-src": ["https://cdn.acme.example"]}}}]
 * }}
 * }</pre>
 *
 * Per policy, {@code name} and {@code config} are required; {@code type} (default
 * {@code headers}), {@code inheritance} (default {@code extend}), {@code active} (default true),
 * {@code effectiveFrom}/{@code effectiveUntil} (ISO-8601 instants) and {@code overridePermissions}
 * are optional. {@code config} and {@code overridePermissions} bind to {@link PolicyConfig} and
 * {@link OverridePermissions} through {@link PolicyJson}, exactly as the database columns do. Row ids are synthetic (position in the file). Errors name the
 * JSON path of the bad value.
 */
public final class StaticPolicyFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StaticPolicyFile() {
    }

    public static Map<TenantKey, List<TenantSecurityPolicy>> read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read static policy file " + file, e);
        }
    }

    /** Parses file content; {@code origin} names the file in error messages. */
    public static Map<TenantKey, List<TenantSecurityPolicy>> parse(String json, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(origin + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode tenants = root == null ? null : root.get("tenants");
        if (tenants == null || !tenants.isObject()) {
            throw new IllegalArgumentException(origin + ": 'tenants' must be an object of tenant id → policy list");
        }
        Map<TenantKey, List<TenantSecurityPolicy>> result = new LinkedHashMap<>();
        long tenantId = 0;
        long policyId = 0;
        for (Map.Entry<String, JsonNode> entry : tenants.properties()) {
            String path = origin + ": tenants." + entry.getKey();
            TenantKey tenant = parseTenant(entry.getKey(), path);
            if (!entry.getValue().isArray()) {
                throw new IllegalArgumentException(path + " must be a list of policies");
            }
            tenantId++;
            List<TenantSecurityPolicy> policies = new ArrayList<>();
            for (int i = 0; i < entry.getValue().size(); i++) {
                policies.add(parsePolicy(entry.getValue().get(i), ++policyId, tenantId, path + "[" + i + "]"));
            }
            result.put(tenant, List.copyOf(policies));
        }
        return result;
    }

    private static TenantKey parseTenant(String id, String path) {
        try {
            return new TenantKey(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static TenantSecurityPolicy parsePolicy(JsonNode node, long id, long tenantId, String path) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(path + " must be an object");
        }
        String name = requiredText(node, "name", path);
        JsonNode configNode = node.get("config");
        if (configNode == null || !configNode.isObject()) {
            throw new IllegalArgumentException(path + ".config is required and must be an object");
        }
        PolicyType type = node.has("type")
                ? wire(() -> PolicyType.fromWire(node.get("type").asText()), path + ".type")
                : PolicyType.HEADERS;
        PolicyInheritanceMode inheritance = node.has("inheritance")
                ? wire(() -> PolicyInheritanceMode.fromWire(node.get("inheritance").asText()), path + ".inheritance")
                : PolicyInheritanceMode.EXTEND;
        boolean active = !node.has("active") || node.get("active").asBoolean();
        Instant from = optionalInstant(node, "effectiveFrom", path).orElse(Instant.EPOCH);
        Optional<Instant> until = optionalInstant(node, "effectiveUntil", path);
        PolicyConfig config = bind(configNode, PolicyConfig.class, path + ".config");
        OverridePermissions permissions = node.has("overridePermissions")
                ? bind(node.get("overridePermissions"), OverridePermissions.class, path + ".overridePermissions")
                : OverridePermissions.none();
        return new TenantSecurityPolicy(id, tenantId, name, type, config, inheritance, permissions,
                active, from, until, Instant.EPOCH, Instant.EPOCH);
    }

    private static String requiredText(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(path + "." + field + " is required and must be a non-empty string");
        }
        return value.asText();
    }

    private static Optional<Instant> optionalInstant(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.asText()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(path + "." + field + " '" + value.asText()
                    + "' is not an ISO-8601 instant such as 2026-01-31T00:00:00Z", e);
        }
    }

    /** Binds through {@link PolicyJson}, the same mapping the database columns use. */
    private static <T> T bind(JsonNode node, Class<T> type, String path) {
        try {
            return PolicyJson.read(node.toString(), type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static <T> T wire(java.util.function.Supplier<T> parse, String path) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }
}
