package org.secheaders.compliance.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.secheaders.compliance.report.ReportTables.Fact;
import org.secheaders.compliance.report.ReportTables.Table;
import org.secheaders.platform.ReportEscaping;

/**
 * The report as Markdown. Every value is backslash-escaped, so that an observed header value cannot
 * become a link, an image, inline HTML or a broken table once the Markdown is rendered.
 */
public final class MarkdownComplianceRenderer implements ComplianceReportRenderer {

    @Override
    public byte[] render(ComplianceReportDocument document) {
        Writer writer = new Writer();
        ReportOutline.write(document, writer);
        return writer.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final class Writer implements ReportWriter {
        private final StringBuilder out = new StringBuilder();

        @Override
        public void title(String text) {
            out.append("# ").append(escape(text)).append("\n\n");
        }

        @Override
        public void heading(int level, String text) {
            out.append('\n').append("#".repeat(level)).append(' ').append(escape(text)).append("\n\n");
        }

        @Override
        public void facts(List<Fact> facts) {
            facts.forEach(fact -> out.append("- **").append(escape(fact.label())).append(":** ")
                    .append(escape(fact.value())).append('\n'));
            out.append('\n');
        }

        @Override
        public void paragraph(String text) {
            out.append(escape(text)).append("\n\n");
        }

        @Override
        public void notice(String text) {
            out.append("> ").append(escape(text)).append("\n\n");
        }

        @Override
        public void table(Table table) {
            row(table.columns());
            out.append('|').append(" --- |".repeat(table.columns().size())).append('\n');
            table.rows().forEach(this::row);
            out.append('\n');
        }

        @Override
        public void verbatim(List<String> lines) {
            // Escaped list items, not a code block: a value holding a fence could close a block.
            out.append("Evidence:\n\n");
            lines.forEach(line -> out.append("- ").append(escape(line)).append('\n'));
            out.append('\n');
        }

        private void row(List<String> cells) {
            out.append('|');
            cells.forEach(cell -> out.append(' ').append(escape(cell)).append(" |"));
            out.append('\n');
        }

        private static String escape(String text) {
            return ReportEscaping.markdown(text);
        }
    }
}
