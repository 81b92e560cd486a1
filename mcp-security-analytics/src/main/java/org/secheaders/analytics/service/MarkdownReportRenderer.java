package org.secheaders.analytics.service;

import java.util.List;
import org.secheaders.platform.ReportEscaping;

/**
 * The report as Markdown. Every value is backslash-escaped, so that a browser-supplied sample or URI
 * cannot become a link, an image, inline HTML or a broken table once the Markdown is rendered.
 */
public final class MarkdownReportRenderer implements ReportRenderer {

    @Override
    public String render(ReportDocument document) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(escape(document.title())).append("\n\n");
        out.append("Scope: ").append(escape(document.scope())).append("  \n");
        out.append("Period: ").append(escape(document.period().start() + " to " + document.period().end())).append("  \n");
        out.append("Generated: ").append(escape(document.generatedAt().toString())).append("\n\n");
        out.append("## Executive summary\n\n");
        document.keyFacts().forEach(fact ->
                out.append("- **").append(escape(fact.label())).append(":** ").append(escape(fact.value())).append('\n'));
        for (ReportTable table : document.sections()) {
            out.append("\n## ").append(escape(table.title())).append("\n\n");
            if (table.rows().isEmpty()) {
                out.append("None.\n");
                continue;
            }
            row(out, table.columns());
            out.append('|').append(" --- |".repeat(table.columns().size())).append('\n');
            table.rows().forEach(row -> row(out, row));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        cells.forEach(cell -> out.append(' ').append(escape(cell)).append(" |"));
        out.append('\n');
    }

    static String escape(String text) {
        return ReportEscaping.markdown(text);
    }
}
