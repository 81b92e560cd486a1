package org.secheaders.platform.auth;

/**
 * How far a role reaches into one resource category. Whether it may also write is the
 * {@link Grant}'s {@link Grant.Mode}.
 */
public enum Access {
    /** Any tenant the request names, or all tenants at once. */
    FULL,
    /** Any tenant the request names; platform-wide reads are allowed, platform-wide writes are not. */
    TENANT_SCOPED,
    /** Only the identity's own tenant; never another tenant, never platform-wide. */
    OWN_TENANT,
    /** Any tenant or platform-wide, read only. */
    READ,
    /** Nothing. */
    NONE
}
