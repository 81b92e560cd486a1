package org.secheaders.domain.compliance.run;

/**
 * The scanner's target policy refused the URL to check, or a redirect it led to: a request the
 * deployment does not allow, so it fails the check instead of becoming {@code not_evaluated} evidence.
 * The message names the URL and the address class, never the address.
 */
public final class TargetRefusedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public TargetRefusedException(String message) {
        super(message);
    }
}
