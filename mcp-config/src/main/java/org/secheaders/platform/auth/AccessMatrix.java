package org.secheaders.platform.auth;

import static org.secheaders.platform.auth.Grant.FULL;
import static org.secheaders.platform.auth.Grant.Mode.READ_ONLY;
import static org.secheaders.platform.auth.Grant.Mode.READ_WRITE;
import static org.secheaders.platform.auth.Grant.NONE;
import static org.secheaders.platform.auth.Grant.READ;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.secheaders.domain.model.Role;

/**
 * Role × resource category → {@link Grant}. {@link #standard()} is the platform's one definition;
 * docs/AUTHORIZATION.md shows the same table and a test keeps the two identical.
 */
public final class AccessMatrix {

    /** Column order of every row below. */
    public static final List<ResourceCategory> COLUMNS = List.of(ResourceCategory.values());

    private static final Grant SCOPED_RO = Grant.tenantScoped(READ_ONLY);
    private static final Grant OWN_RW = Grant.ownTenant(READ_WRITE);

    private static final AccessMatrix STANDARD = new AccessMatrix(Map.of(
            //                                VIOLATIONS METRICS    COMPLIANCE TENANT_POLICIES SYSTEM_CONFIG
            Role.SUPERADMIN,         row(FULL,      FULL,      FULL,      FULL,   FULL),
            Role.ADMIN,              row(FULL,      FULL,      FULL,      FULL,   READ),
            Role.MANAGER,            row(SCOPED_RO, SCOPED_RO, SCOPED_RO, READ,   NONE),
            Role.SECURITY_ANALYST,   row(FULL,      FULL,      READ,      READ,   NONE),
            Role.COMPLIANCE_OFFICER, row(READ,      READ,      FULL,      READ,   NONE),
            Role.TENANT_ADMIN,       row(OWN_RW,    OWN_RW,    OWN_RW,    OWN_RW, NONE)));

    private final Map<Role, Map<ResourceCategory, Grant>> grants;

    /** Builds a matrix from one row per role, each row in {@link #COLUMNS} order; every cell is required. */
    public AccessMatrix(Map<Role, List<Grant>> rows) {
        EnumMap<Role, Map<ResourceCategory, Grant>> byRole = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            List<Grant> row = rows.get(role);
            if (row == null || row.size() != COLUMNS.size()) {
                throw new IllegalArgumentException("access matrix needs " + COLUMNS.size()
                        + " grants for role " + role.wireName() + ", got " + (row == null ? "none" : row.size()));
            }
            EnumMap<ResourceCategory, Grant> cells = new EnumMap<>(ResourceCategory.class);
            for (int i = 0; i < COLUMNS.size(); i++) {
                cells.put(COLUMNS.get(i), row.get(i));
            }
            byRole.put(role, Map.copyOf(cells));
        }
        this.grants = Map.copyOf(byRole);
    }

    public static AccessMatrix standard() {
        return STANDARD;
    }

    public Grant grant(Role role, ResourceCategory category) {
        return grants.get(role).get(category);
    }

    private static List<Grant> row(Grant... grants) {
        return Arrays.asList(grants);
    }
}
