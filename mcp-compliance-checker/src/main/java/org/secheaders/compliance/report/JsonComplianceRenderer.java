package org.secheaders.compliance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.secheaders.platform.PlatformJson;

/** The report as indented JSON: the document as it is (JSON escaping by Jackson). */
public final class JsonComplianceRenderer implements ComplianceReportRenderer {

    @Override
    public byte[] render(ComplianceReportDocument document) {
        try {
            return PlatformJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report document always serializes", e);
        }
    }
}
