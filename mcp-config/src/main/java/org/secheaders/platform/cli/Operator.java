package org.secheaders.platform.cli;

import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.Role;

/** Who the audit log records for CLI changes: the OS user, who holds the database itself and so acts as superadmin. */
final class Operator {

    private Operator() {
    }

    static Actor actor() {
        return Actor.of("cli:" + System.getProperty("user.name", "operator"), Role.SUPERADMIN);
    }
}
