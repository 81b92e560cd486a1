package org.secheaders.analytics.service;

import org.secheaders.domain.report.ReportError;

/** A report body that could not be read at all; the message names the problem (input quoted only cleaned and capped). */
public final class ReportRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportRejectedException(ReportError error) {
        super(error.toString(), null, false, false);
    }
}
