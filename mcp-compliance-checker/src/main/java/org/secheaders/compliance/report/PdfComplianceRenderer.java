package org.secheaders.compliance.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.List;
import org.secheaders.compliance.report.ReportTables.Fact;
import org.secheaders.compliance.report.ReportTables.Table;

/**
 * The report as a PDF (OpenPDF): A4, the executive summary on the first page, tables that break
 * across pages with their header row repeated, page numbers in the footer. The standard fonts
 * (Helvetica, Courier) are used so that nothing has to be embedded; they cover Windows-1252, so
 * other characters are written as {@code ?} (and arrows as {@code ->}).
 */
public final class PdfComplianceRenderer implements ComplianceReportRenderer {

    private static final Charset WIN_ANSI = Charset.forName("windows-1252");
    private static final Color HEADER_FILL = new Color(0xEE, 0xEE, 0xEE);
    private static final Color NOTICE_FILL = new Color(0xFD, 0xF6, 0xE3);
    private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD);
    private static final Font SECTION = new Font(Font.HELVETICA, 13, Font.BOLD);
    private static final Font SUBSECTION = new Font(Font.HELVETICA, 10, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 9);
    private static final Font BODY_BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);
    private static final Font CELL = new Font(Font.HELVETICA, 8);
    private static final Font CELL_BOLD = new Font(Font.HELVETICA, 8, Font.BOLD);
    private static final Font MONO = new Font(Font.COURIER, 7.5f);
    private static final Font FOOTER = new Font(Font.HELVETICA, 7, Font.NORMAL, Color.GRAY);

    @Override
    public byte[] render(ComplianceReportDocument document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 42, 42, 42, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(pdf, bytes);
            writer.setPageEvent(new Footer(text(document.title())));
            pdf.addTitle(text(document.title()));
            pdf.addSubject("Compliance report for " + text(document.scope()));
            pdf.addCreator("Security Headers MCP compliance checker");
            pdf.open();
            ReportOutline.write(document, new Writer(pdf));
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the PDF report could not be written", e);
        }
        return bytes.toByteArray();
    }

    /** Text the standard fonts can show. */
    static String text(String raw) {
        CharsetEncoder encoder = WIN_ANSI.newEncoder();
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            if (c == '→') {
                out.append("->");
            } else if (c == '\t') {
                out.append(' ');
            } else if (c != '\n' && (Character.isISOControl(c) || !Character.isBmpCodePoint(c) || !encoder.canEncode((char) c))) {
                out.append('?');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static final class Writer implements ReportWriter {
        private final Document pdf;

        Writer(Document pdf) {
            this.pdf = pdf;
        }

        @Override
        public void title(String text) {
            add(paragraph(text, TITLE, 0, 8));
        }

        @Override
        public void heading(int level, String text) {
            Paragraph heading = level <= 2 ? paragraph(text, SECTION, 14, 6) : paragraph(text, SUBSECTION, 8, 3);
            heading.setKeepTogether(true);
            add(heading);
        }

        @Override
        public void facts(List<Fact> facts) {
            for (Fact fact : facts) {
                Paragraph line = new Paragraph();
                line.add(new Chunk(text(fact.label()) + ": ", BODY_BOLD));
                line.add(new Chunk(text(fact.value()), BODY));
                line.setSpacingAfter(2);
                add(line);
            }
        }

        @Override
        public void paragraph(String text) {
            add(paragraph(text, BODY, 2, 4));
        }

        @Override
        public void notice(String text) {
            PdfPTable box = new PdfPTable(1);
            box.setWidthPercentage(100);
            box.setSpacingBefore(6);
            box.setSpacingAfter(6);
            PdfPCell cell = new PdfPCell(new Phrase(text(text), BODY));
            cell.setBackgroundColor(NOTICE_FILL);
            cell.setPadding(6);
            box.addCell(cell);
            add(box);
        }

        @Override
        public void table(Table table) {
            PdfPTable out = new PdfPTable(widths(table));
            out.setWidthPercentage(100);
            out.setSpacingBefore(3);
            out.setSpacingAfter(6);
            out.setHeaderRows(1);
            out.setSplitLate(false);
            table.columns().forEach(column -> {
                PdfPCell cell = cell(column, CELL_BOLD);
                cell.setBackgroundColor(HEADER_FILL);
                out.addCell(cell);
            });
            table.rows().forEach(row -> row.forEach(value -> out.addCell(cell(value, CELL))));
            add(out);
        }

        @Override
        public void verbatim(List<String> lines) {
            Paragraph block = new Paragraph();
            block.setSpacingAfter(6);
            block.setIndentationLeft(8);
            lines.forEach(line -> block.add(new Chunk(text(line) + "\n", MONO)));
            add(block);
        }

        /** Columns as wide as their longest cell, within bounds, so that counts stay narrow and values get room. */
        private static float[] widths(Table table) {
            float[] widths = new float[table.columns().size()];
            for (int i = 0; i < widths.length; i++) {
                int longest = table.columns().get(i).length();
                for (List<String> row : table.rows()) {
                    longest = Math.max(longest, row.get(i).length());
                }
                widths[i] = Math.min(Math.max(longest, 6), 40);
            }
            return widths;
        }

        private static PdfPCell cell(String value, Font font) {
            PdfPCell cell = new PdfPCell(new Phrase(text(value), font));
            cell.setPadding(3);
            cell.setBorderColor(Color.LIGHT_GRAY);
            return cell;
        }

        private static Paragraph paragraph(String value, Font font, float before, float after) {
            Paragraph paragraph = new Paragraph(text(value), font);
            paragraph.setSpacingBefore(before);
            paragraph.setSpacingAfter(after);
            return paragraph;
        }

        private void add(Element element) {
            try {
                pdf.add(element);
            } catch (DocumentException e) {
                throw new IllegalStateException("the PDF report could not be written", e);
            }
        }
    }

    /** "title · page n" at the foot of every page. */
    private static final class Footer extends PdfPageEventHelper {
        private final String title;

        Footer(String title) {
            this.title = title;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Rectangle page = document.getPageSize();
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                    new Phrase(title + " - page " + writer.getPageNumber(), FOOTER),
                    (page.getLeft() + page.getRight()) / 2, page.getBottom() + 24, 0);
        }
    }
}
