package org.secheaders.domain.report;

/** One report read from a request body: a CSP violation, or another Reporting API type that is only counted. */
public sealed interface ParsedReport permits CspViolationReport, OtherReport {

    /** The Reporting API type, {@code csp-violation} for CSP reports of either wire format. */
    String type();
}
