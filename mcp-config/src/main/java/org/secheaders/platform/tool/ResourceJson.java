package org.secheaders.platform.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.secheaders.platform.PlatformJson;

/** Resource bodies as indented JSON, with absent values left out like tool results. */
public final class ResourceJson {

    public static final String MIME_TYPE = "application/json";

    private ResourceJson() {
    }

    public static String write(Object value) {
        try {
            return PlatformJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a resource body always serializes", e);
        }
    }
}
