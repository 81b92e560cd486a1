package org.secheaders.platform.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A text table with aligned columns: upper-case headers, two spaces between columns, the last
 * column unpadded so long values (CSP policies, messages) just run on. Empty cells show {@value #EMPTY}.
 */
final class Table {

    static final String EMPTY = "-";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<String> headers) {
        this.headers = headers;
    }

    static Table of(String... headers) {
        return new Table(Arrays.stream(headers).map(String::toUpperCase).toList());
    }

    /** Cells are shown with {@link #cell}. */
    Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row of " + headers.size() + " columns got " + cells.length + " cells");
        }
        rows.add(Arrays.stream(cells).map(Table::cell).toList());
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        printRow(out, headers, widths);
        rows.forEach(row -> printRow(out, row, widths));
        out.flush();
    }

    /** Text for one cell: instants in UTC to the second, empty optionals and blanks as {@value #EMPTY}. */
    static String cell(Object value) {
        Object shown = value instanceof Optional<?> optional ? optional.orElse(null) : value;
        if (shown instanceof Instant instant) {
            return TIME.format(instant);
        }
        String text = shown == null ? "" : shown.toString();
        return text.isBlank() ? EMPTY : text;
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }
}
