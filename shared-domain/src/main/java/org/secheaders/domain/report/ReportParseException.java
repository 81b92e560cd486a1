package org.secheaders.domain.report;

/** Carries a {@link ReportError} out of nested parsing code; never leaves {@link ReportParser}. */
final class ReportParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ReportError error;

    ReportParseException(ReportError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    ReportParseException(ReportErrorCode code, String message) {
        this(ReportError.of(code, message));
    }

    ReportError error() {
        return error;
    }
}
