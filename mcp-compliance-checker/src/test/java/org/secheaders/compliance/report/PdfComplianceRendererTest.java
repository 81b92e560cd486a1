package org.secheaders.compliance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.secheaders.compliance.testing.HeaderSets;
import org.secheaders.domain.compliance.run.CheckRun;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceReportFormat;

/**
 * The PDF as a reader sees it: poppler (pdftoppm, pdftotext; Debian package poppler-utils, installed
 * by .ci/run) renders page 1 to PNG and extracts the text. Without poppler the test skips, unless
 * {@value #REQUIRE_POPPLER} is true, as CI sets it.
 */
class PdfComplianceRendererTest {

    static final String REQUIRE_POPPLER = "SECHEADERS_REQUIRE_POPPLER";
    /** Kept for people to look at: target/compliance-report-page1.png. */
    private static final Path OUTPUT = Paths.get("target", "compliance-report");
    private static final int DPI = 100;

    @BeforeAll
    static void poppler() {
        boolean available = Files.isExecutable(Paths.get("/usr/bin/pdftoppm")) && Files.isExecutable(Paths.get("/usr/bin/pdftotext"));
        if (!available && Boolean.parseBoolean(System.getProperty(REQUIRE_POPPLER))) {
            throw new AssertionError("pdftoppm and pdftotext (poppler-utils) are required but missing");
        }
        assumeTrue(available, "poppler-utils is not installed: apt-get install poppler-utils");
    }

    @Test
    void pageOneRendersTheExecutiveSummary() throws Exception {
        CheckRun run = ReportFixtures.drifted(1, "acme", HeaderSets.strong(), HeaderSets.weak());
        byte[] pdf = ComplianceReportRenderer.of(ComplianceReportFormat.PDF)
                .render(ReportFixtures.document("Compliance report for acme", false, run));
        Files.createDirectories(OUTPUT.getParent());
        Path file = Files.write(Paths.get(OUTPUT + ".pdf"), pdf);

        assertTrue(new String(pdf, 0, 8, StandardCharsets.US_ASCII).startsWith("%PDF-1."));
        run("pdftoppm", "-png", "-r", Integer.toString(DPI), "-f", "1", "-l", "1", "-singlefile", file.toString(),
                OUTPUT + "-page1");
        BufferedImage page = ImageIO.read(Paths.get(OUTPUT + "-page1.png").toFile());
        // A4 is 210 x 297 mm: 827 x 1169 pixels at 100 dpi
        assertEquals(827, page.getWidth(), 2);
        assertEquals(1169, page.getHeight(), 2);
        double ink = inkShare(page);
        assertTrue(ink > 0.02 && ink < 0.5, "a page of text is neither blank nor a black box: ink " + ink);

        String first = run("pdftotext", "-f", "1", "-l", "1", "-layout", file.toString(), "-");
        assertTrue(first.contains("Compliance report for acme"), first);
        assertTrue(first.contains("Executive summary"), first);
        assertTrue(first.contains("Header evidence supports, but does not by itself establish"), first);
        int owasp = run.evaluation().framework(ComplianceFramework.OWASP).orElseThrow().score();
        assertTrue(first.matches("(?s).*OWASP\\s+\\S.*\\s" + owasp + "/100.*"), "OWASP score " + owasp + " on page 1:\n" + first);
        assertTrue(first.contains("Top 3 high-severity failures"), first);

        String all = run("pdftotext", "-layout", file.toString(), "-");
        assertTrue(all.contains("Evidence: NIST 800-53"), "the evidence follows");
        assertTrue(all.contains("Drift: critical."), all);
        assertTrue(all.contains("- page 2"), "pages are numbered");
    }

    @Test
    void unicodeOutsideTheStandardFontsBecomesReadableAscii() {
        assertEquals("a -> b ? caf\u00e9", PdfComplianceRenderer.text("a \u2192 b \u2603 caf\u00e9"));
    }

    /** The share of pixels noticeably darker than white. */
    private static double inkShare(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int luminance = (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
                if (luminance < 200) {
                    dark++;
                }
            }
        }
        return (double) dark / ((long) image.getWidth() * image.getHeight());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + text);
        return text;
    }
}
