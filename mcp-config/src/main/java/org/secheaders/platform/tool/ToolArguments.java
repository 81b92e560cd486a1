package org.secheaders.platform.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.WireEnums;
import org.secheaders.platform.PlatformJson;
import org.secheaders.platform.auth.TenantDirectory;

/**
 * Typed access to a tool call's arguments. Every reader throws {@link ToolInputException} naming
 * the argument and the problem, so a handler never has to format that message itself.
 *
 * <p>{@value #TENANT_ID} and {@value #TENANT} are not in here: the platform consumed them for
 * authorization and the handler uses {@link ToolContext#scope()} instead, so it cannot reach a tenant
 * it was not cleared for.
 */
public final class ToolArguments {

    /** The argument through which a call names the tenant it is about. */
    public static final String TENANT_ID = "tenant_id";

    /** The argument through which a call names its tenant by slug, resolved by the server's {@link TenantDirectory}. */
    public static final String TENANT = "tenant";

    private final Map<String, Object> values;

    private ToolArguments(Map<String, Object> values) {
        this.values = values;
    }

    /** Wraps a call's raw arguments (null = none), without {@value #TENANT_ID} and {@value #TENANT}. */
    public static ToolArguments of(Map<String, Object> raw) {
        Map<String, Object> copy = new HashMap<>(raw == null ? Map.of() : raw);
        copy.remove(TENANT_ID);
        copy.remove(TENANT);
        copy.values().removeIf(Objects::isNull);
        return new ToolArguments(Map.copyOf(copy));
    }

    /**
     * The tenant a call names by id ({@value #TENANT_ID}) or slug ({@value #TENANT}), read before
     * authorization. Naming it both ways is allowed when both name the same tenant.
     *
     * @param directory resolves slugs; without one, a slug is refused
     */
    public static Optional<Long> requestedTenant(Map<String, Object> raw, Optional<TenantDirectory> directory) {
        Optional<Long> byId = tenantById(raw);
        Object slug = raw == null ? null : raw.get(TENANT);
        if (slug == null) {
            return byId;
        }
        long bySlug = tenantBySlug(slug, directory);
        if (byId.isPresent() && byId.get() != bySlug) {
            throw new ToolInputException(TENANT, "names another tenant than tenant_id " + byId.get());
        }
        return Optional.of(bySlug);
    }

    private static Optional<Long> tenantById(Map<String, Object> raw) {
        Object value = raw == null ? null : raw.get(TENANT_ID);
        if (value == null) {
            return Optional.empty();
        }
        long tenant = integral(TENANT_ID, value);
        if (tenant <= 0) {
            throw new ToolInputException(TENANT_ID, "must be a positive integer, got " + tenant);
        }
        return Optional.of(tenant);
    }

    private static long tenantBySlug(Object value, Optional<TenantDirectory> directory) {
        if (!(value instanceof String slug) || !isSlug(slug)) {
            throw new ToolInputException(TENANT, "must be a tenant slug (lower-case letters, digits and inner hyphens), got "
                    + describe(value));
        }
        TenantDirectory tenants = directory.orElseThrow(() ->
                new ToolInputException(TENANT, "cannot be resolved by this server; pass tenant_id instead"));
        return tenants.idOf(slug).orElseThrow(() -> new ToolInputException(TENANT, "names no tenant: " + describe(slug)));
    }

    private static boolean isSlug(String text) {
        try {
            Tenant.requireSlug(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String requireString(String name) {
        return optionalString(name).orElseThrow(() -> missing(name));
    }

    /** A present string is trimmed; a blank one counts as absent. */
    public Optional<String> optionalString(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new ToolInputException(name, "must be a string, got " + describe(value));
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    public long requireLong(String name) {
        return optionalLong(name).orElseThrow(() -> missing(name));
    }

    public Optional<Long> optionalLong(String name) {
        Object value = values.get(name);
        return value == null ? Optional.empty() : Optional.of(integral(name, value));
    }

    public int requireInt(String name) {
        return toInt(name, requireLong(name));
    }

    public int intOr(String name, int defaultValue) {
        return optionalLong(name).map(v -> toInt(name, v)).orElse(defaultValue);
    }

    public double requireDouble(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw missing(name);
        }
        if (!(value instanceof Number number)) {
            throw new ToolInputException(name, "must be a number, got " + describe(value));
        }
        return number.doubleValue();
    }

    public boolean booleanOr(String name, boolean defaultValue) {
        Object value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Boolean bool)) {
            throw new ToolInputException(name, "must be true or false, got " + describe(value));
        }
        return bool;
    }

    public <E extends Enum<E>> E requireEnum(String name, Class<E> type) {
        return optionalEnum(name, type).orElseThrow(() -> missing(name));
    }

    /** Matches the lower-case wire names of the domain enums ({@code high}, {@code tenant_admin}). */
    public <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
        return optionalString(name).map(text -> {
            String normalized = text.toUpperCase(Locale.ROOT).replace('-', '_');
            return Arrays.stream(type.getEnumConstants())
                    .filter(c -> c.name().equals(normalized))
                    .findFirst()
                    .orElseThrow(() -> new ToolInputException(name, "must be one of " + WireEnums.allowed(type)
                            + ", got " + describe(text)));
        });
    }

    /** An ISO-8601 instant such as {@code 2026-01-31T12:00:00Z}. */
    public Optional<Instant> optionalInstant(String name) {
        return optionalString(name).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new ToolInputException(name, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, got "
                        + describe(text));
            }
        });
    }

    /**
     * An argument that holds a JSON document, given either as JSON (an object or array) or as JSON
     * text (a string, returned verbatim, not parsed here); for tools that pass documents on, such
     * as a browser's report body.
     */
    public Optional<String> optionalJsonText(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof String) {
            return optionalString(name);
        }
        if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
            throw new ToolInputException(name, "must be a JSON object or array, or JSON text, got " + describe(value));
        }
        try {
            return Optional.of(PlatformJson.mapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new ToolInputException(name, "cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    /** An array of strings; absent = empty. */
    public List<String> stringList(String name) {
        return list(name, String.class, "strings", text -> text);
    }

    /** An array of numbers; absent = empty. */
    public List<Double> numberList(String name) {
        return list(name, Number.class, "numbers", Number::doubleValue);
    }

    private <T, R> List<R> list(String name, Class<T> itemType, String itemKind, Function<T, R> convert) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new ToolInputException(name, "must be an array of " + itemKind + ", got " + describe(value));
        }
        List<R> items = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (!itemType.isInstance(item)) {
                throw new ToolInputException(name, "must be an array of " + itemKind + ", but item " + i + " is "
                        + describe(item));
            }
            items.add(convert.apply(itemType.cast(item)));
        }
        return List.copyOf(items);
    }

    private static long integral(String name, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger || value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            try {
                return new BigDecimal(value.toString()).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new ToolInputException(name, "must be a whole number within 64 bits, got " + describe(value));
            }
        }
        throw new ToolInputException(name, "must be an integer, got " + describe(value));
    }

    private static int toInt(String name, long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ToolInputException(name, "is out of range, got " + value);
        }
        return (int) value;
    }

    private static ToolInputException missing(String name) {
        return new ToolInputException(name, "is required");
    }

    /** Quotes strings and truncates long values so a message stays one readable line. */
    private static String describe(Object value) {
        String text = value instanceof String s ? "'" + s + "'" : String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }
}
