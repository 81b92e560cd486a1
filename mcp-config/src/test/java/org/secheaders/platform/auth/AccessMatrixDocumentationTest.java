package org.secheaders.platform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.Role;

/** docs/AUTHORIZATION.md shows the matrix; this keeps it identical to {@link AccessMatrix#standard()}. */
class AccessMatrixDocumentationTest {

    private static final Path DOC = Path.of("..", "docs", "AUTHORIZATION.md");

    @Test
    void documentedTableIsTheCodedMatrix() throws IOException {
        assertEquals(codedTable(), documentedTable());
    }

    private static List<List<String>> codedTable() {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("role"));
        AccessMatrix.COLUMNS.forEach(c -> header.add(c.wireName()));
        rows.add(header);
        for (Role role : Role.values()) {
            List<String> row = new ArrayList<>(List.of(role.wireName()));
            AccessMatrix.COLUMNS.forEach(c -> row.add(AccessMatrix.standard().grant(role, c).label()));
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> documentedTable() throws IOException {
        String doc = Files.readString(DOC);
        String table = doc.substring(doc.indexOf("<!-- matrix:start -->"), doc.indexOf("<!-- matrix:end -->"));
        return table.lines()
                .filter(line -> line.startsWith("|") && !line.startsWith("|---"))
                .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::trim).toList())
                .toList();
    }
}
