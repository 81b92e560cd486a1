package org.secheaders.analytics.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;

/** The report as indented JSON: the structured summary and the tables (JSON escaping by Jackson). */
public final class JsonReportRenderer implements ReportRenderer {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            .build();

    @Override
    public String render(ReportDocument document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report document always serializes", e);
        }
    }

    /** The summary as the JSON object stored with the report. */
    static Map<String, Object> asMap(ExecutiveSummary summary) {
        return MAPPER.convertValue(summary, new TypeReference<Map<String, Object>>() { });
    }
}
