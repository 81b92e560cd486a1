package org.secheaders.compliance.report;

import java.util.List;
import org.secheaders.compliance.report.ReportTables.Fact;
import org.secheaders.compliance.report.ReportTables.Table;

/**
 * The building blocks of a human-readable report, one implementation per format; {@link ReportOutline}
 * decides what goes where. Every argument is raw text that the writer escapes for its format.
 */
interface ReportWriter {

    void title(String text);

    /** @param level 2 for sections, 3 for subsections */
    void heading(int level, String text);

    /** Label: value lines. */
    void facts(List<Fact> facts);

    void paragraph(String text);

    /** A notice set apart from the text (the disclaimer). */
    void notice(String text);

    /** Never called with an empty table. */
    void table(Table table);

    /** Verbatim lines, e.g. raw header lines, in a fixed-width font. */
    void verbatim(List<String> lines);
}
