package org.secheaders.platform.server;

import org.secheaders.platform.tool.ToolContext;

/** Whether a call may run, and with which context. */
sealed interface Admission permits Admission.Admitted, Admission.Refused {

    record Admitted(ToolContext context) implements Admission {
    }

    record Refused(String reason) implements Admission {
    }
}
