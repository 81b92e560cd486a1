package org.secheaders.domain.report;

import java.util.List;

/**
 * What a body held: the reports that could be read and an error for each part that could not. A
 * rejected body has no reports and one error without an item index.
 */
public record ParseResult(List<ParsedReport> reports, List<ReportError> errors) {
    public ParseResult {
        reports = List.copyOf(reports);
        errors = List.copyOf(errors);
    }

    static ParseResult rejected(ReportError error) {
        return new ParseResult(List.of(), List.of(error));
    }

    /** True when nothing in the body could be used and something was wrong with it. */
    public boolean isRejected() {
        return reports.isEmpty() && !errors.isEmpty();
    }
}
