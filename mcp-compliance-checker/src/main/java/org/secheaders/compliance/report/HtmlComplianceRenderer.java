package org.secheaders.compliance.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.secheaders.compliance.report.ReportTables.Fact;
import org.secheaders.compliance.report.ReportTables.Table;
import org.secheaders.platform.ReportEscaping;

/**
 * The report as a standalone HTML page. Every value is HTML-escaped (observed header values come
 * from the scanned site), and the page carries a CSP that allows no script, so even a missed escape
 * could not run code when someone opens the file.
 */
public final class HtmlComplianceRenderer implements ComplianceReportRenderer {

    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
    private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222;max-width:70em}"
            + "table{border-collapse:collapse;margin-bottom:1em}th,td{border:1px solid #ccc;padding:3px 6px;"
            + "text-align:left;vertical-align:top}th{background:#f3f3f3}"
            + ".notice{border-left:4px solid #b58900;background:#fdf6e3;padding:.5em 1em}"
            + "pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap;word-break:break-all}";

    @Override
    public byte[] render(ComplianceReportDocument document) {
        Writer writer = new Writer();
        writer.out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<title>").append(escape(document.title())).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        ReportOutline.write(document, writer);
        writer.out.append("</body>\n</html>\n");
        return writer.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return ReportEscaping.html(text);
    }

    private static final class Writer implements ReportWriter {
        private final StringBuilder out = new StringBuilder();

        @Override
        public void title(String text) {
            out.append("<h1>").append(escape(text)).append("</h1>\n");
        }

        @Override
        public void heading(int level, String text) {
            out.append("<h").append(level).append('>').append(escape(text)).append("</h").append(level).append(">\n");
        }

        @Override
        public void facts(List<Fact> facts) {
            out.append("<ul>\n");
            facts.forEach(fact -> out.append("<li><strong>").append(escape(fact.label())).append(":</strong> ")
                    .append(escape(fact.value())).append("</li>\n"));
            out.append("</ul>\n");
        }

        @Override
        public void paragraph(String text) {
            out.append("<p>").append(escape(text)).append("</p>\n");
        }

        @Override
        public void notice(String text) {
            out.append("<p class=\"notice\">").append(escape(text)).append("</p>\n");
        }

        @Override
        public void table(Table table) {
            out.append("<table>\n<thead>");
            row(table.columns(), "th");
            out.append("</thead>\n<tbody>\n");
            table.rows().forEach(row -> row(row, "td"));
            out.append("</tbody>\n</table>\n");
        }

        @Override
        public void verbatim(List<String> lines) {
            out.append("<pre>");
            lines.forEach(line -> out.append(escape(line)).append('\n'));
            out.append("</pre>\n");
        }

        private void row(List<String> cells, String tag) {
            out.append("<tr>");
            cells.forEach(cell -> out.append('<').append(tag).append('>').append(escape(cell)).append("</").append(tag).append('>'));
            out.append("</tr>\n");
        }
    }
}
