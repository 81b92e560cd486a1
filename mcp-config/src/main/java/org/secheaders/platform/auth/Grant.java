package org.secheaders.platform.auth;

/**
 * One cell of the {@link AccessMatrix}: how far a role reaches into a category and whether it
 * may write there. Combinations that would contradict the access's own meaning are rejected.
 */
public record Grant(Access access, Mode mode) {

    /** Whether a grant allows changing data or only reading it. */
    public enum Mode { READ_ONLY, READ_WRITE }

    public static final Grant FULL = new Grant(Access.FULL, Mode.READ_WRITE);
    public static final Grant READ = new Grant(Access.READ, Mode.READ_ONLY);
    public static final Grant NONE = new Grant(Access.NONE, Mode.READ_ONLY);

    public Grant {
        if (access == Access.FULL && mode != Mode.READ_WRITE) {
            throw new IllegalArgumentException("FULL access always includes writes; use READ for read-only");
        }
        if ((access == Access.READ || access == Access.NONE) && mode != Mode.READ_ONLY) {
            throw new IllegalArgumentException(access + " access cannot write");
        }
    }

    public static Grant tenantScoped(Mode mode) {
        return new Grant(Access.TENANT_SCOPED, mode);
    }

    public static Grant ownTenant(Mode mode) {
        return new Grant(Access.OWN_TENANT, mode);
    }

    public boolean allowsWrite() {
        return mode == Mode.READ_WRITE;
    }

    /** As written in docs/AUTHORIZATION.md, e.g. {@code TENANT_SCOPED read-only}. */
    public String label() {
        boolean modeIsImplied = access == Access.FULL || access == Access.READ || access == Access.NONE;
        return modeIsImplied ? access.name() : access.name() + (allowsWrite() ? " read-write" : " read-only");
    }
}
