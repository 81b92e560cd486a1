package org.secheaders.platform.cli;

/** The exit status of every {@code secheaders} command, the same as the servers'. */
enum ExitStatus {
    /** Done; for {@code health}: everything is up. */
    OK(0),
    /** The work failed or found a problem (e.g. {@code health} saw something down). */
    FAILED(1),
    /** A flag, setting or argument is wrong; the message names it. */
    USAGE(2),
    /** {@code compliance run}: a control that passed before fails now (a non-compliance event was stored). */
    REGRESSED(3);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
