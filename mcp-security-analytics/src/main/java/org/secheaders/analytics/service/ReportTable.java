package org.secheaders.analytics.service;

import java.util.List;

/** A section of a report: a titled table of plain text cells, escaped only when rendered. */
public record ReportTable(String title, List<String> columns, List<List<String>> rows) {

    public ReportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(title + ": row " + row + " does not have " + columns.size() + " cells");
            }
        }
    }
}
