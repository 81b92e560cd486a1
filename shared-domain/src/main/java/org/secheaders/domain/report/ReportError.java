package org.secheaders.domain.report;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A named parse error. {@code item} is the index in a Reporting API batch when only that report was
 * skipped; it is empty when the whole body was rejected. Messages quote input only cleaned and capped.
 */
public record ReportError(ReportErrorCode code, OptionalInt item, String message) {
    public ReportError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(message, "message");
    }

    static ReportError of(ReportErrorCode code, String message) {
        return new ReportError(code, OptionalInt.empty(), message);
    }

    ReportError atItem(int index) {
        return new ReportError(code, OptionalInt.of(index), message);
    }

    @Override
    public String toString() {
        String where = item.isPresent() ? "report[" + item.getAsInt() + "]: " : "";
        return code.wireName() + ": " + where + message;
    }
}
