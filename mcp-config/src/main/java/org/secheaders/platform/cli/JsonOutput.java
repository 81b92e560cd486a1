package org.secheaders.platform.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import org.secheaders.platform.PlatformJson;

/** Prints one pretty JSON document with the platform mapper (ISO instants, absent values left out). */
final class JsonOutput {

    private JsonOutput() {
    }

    static void print(PrintWriter out, Object document) {
        try {
            out.println(PlatformJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + document.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
