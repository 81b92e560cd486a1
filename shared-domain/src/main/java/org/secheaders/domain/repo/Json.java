package org.secheaders.domain.repo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Map;

/** The JSON text columns: written with sorted keys (stable text), read tolerating unknown fields. */
final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // Rows written by a newer version must stay readable by an older instance.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() { };

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be stored as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> readObject(String json) {
        return read(json, MAPPER.getTypeFactory().constructType(OBJECT));
    }

    static Map<String, String> readStringMap(String json) {
        return read(json, MAPPER.getTypeFactory().constructType(STRING_MAP));
    }

    static List<String> readStringList(String json) {
        return read(json, MAPPER.getTypeFactory().constructType(STRING_LIST));
    }

    static <T> T read(String json, Class<T> type) {
        return read(json, MAPPER.getTypeFactory().constructType(type));
    }

    private static <T> T read(String json, JavaType type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read as " + type + ": " + e.getOriginalMessage(), e);
        }
    }
}
