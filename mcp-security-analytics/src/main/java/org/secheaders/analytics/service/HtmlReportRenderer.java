package org.secheaders.analytics.service;

import java.util.List;
import org.secheaders.platform.ReportEscaping;

/**
 * The report as a standalone HTML page. Every value is HTML-escaped (violation reports are
 * attacker-controlled, CSP3 §5.3), and the page carries a CSP that allows no script at all, so
 * even a missed escape could not run code when someone opens the file.
 */
public final class HtmlReportRenderer implements ReportRenderer {

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
    private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin-bottom:1.5em}th,td{border:1px solid #ccc;padding:4px 8px;"
            + "text-align:left;vertical-align:top}th{background:#f3f3f3}";

    @Override
    public String render(ReportDocument document) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<title>").append(escape(document.title())).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        out.append("<h1>").append(escape(document.title())).append("</h1>\n");
        out.append("<p>Scope: ").append(escape(document.scope())).append("<br>Period: ")
                .append(escape(document.period().start() + " to " + document.period().end())).append("<br>Generated: ")
                .append(escape(document.generatedAt().toString())).append("</p>\n");
        out.append("<h2>Executive summary</h2>\n<ul>\n");
        document.keyFacts().forEach(fact -> out.append("<li><strong>").append(escape(fact.label())).append(":</strong> ")
                .append(escape(fact.value())).append("</li>\n"));
        out.append("</ul>\n");
        for (ReportTable table : document.sections()) {
            out.append("<h2>").append(escape(table.title())).append("</h2>\n");
            if (table.rows().isEmpty()) {
                out.append("<p>None.</p>\n");
                continue;
            }
            out.append("<table>\n<thead>");
            row(out, table.columns(), "th");
            out.append("</thead>\n<tbody>\n");
            table.rows().forEach(row -> row(out, row, "td"));
            out.append("</tbody>\n</table>\n");
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static void row(StringBuilder out, List<String> cells, String tag) {
        out.append("<tr>");
        cells.forEach(cell -> out.append('<').append(tag).append('>').append(escape(cell)).append("</").append(tag).append('>'));
        out.append("</tr>\n");
    }

    static String escape(String text) {
        return ReportEscaping.html(text);
    }
}
