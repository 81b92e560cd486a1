package org.secheaders.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule table in docs/CSP_REPORTS.md is the contract; this keeps it and the code in step. */
class RuleSetV1Test {
    private static final Path DOC = Path.of(System.getProperty("user.dir")).resolve("../docs/CSP_REPORTS.md");

    private record Row(String id, String classification, String type) {
    }

    @Test
    void theDocumentedTableMatchesTheCodeRowForRow() throws IOException {
        List<Row> documented = new ArrayList<>();
        for (String line : Files.readAllLines(DOC)) {
            String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            if (cells.length > 5 && cells[2].startsWith("`v1.")) {
                documented.add(new Row(cells[2].replace("`", ""), cells[3], cells[5]));
            }
        }
        RuleSet v1 = RuleSet.v1();
        List<Row> actual = new ArrayList<>(v1.rules().stream()
                .map(r -> new Row(r.id(), r.classification().wireName(), r.violationType().wireName())).toList());
        actual.add(new Row(v1.fallbackId(), "unknown", "csp"));

        assertEquals(actual, documented);
    }

    @Test
    void noiseRulesComeFirstAndFollowTheNoiseCategories() {
        List<String> ids = RuleSet.v1().rules().stream().map(ClassificationRule::id).toList();
        NoiseCategory[] categories = NoiseCategory.values();

        for (int i = 0; i < categories.length; i++) {
            assertEquals("v1.noise." + categories[i].id(), ids.get(i));
        }
        assertTrue(ids.get(categories.length).startsWith("v1.malicious."));
    }
}
