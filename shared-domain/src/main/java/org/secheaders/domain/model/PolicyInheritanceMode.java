package org.secheaders.domain.model;

/**
 * How a tenant policy combines with the platform baseline (vocabulary after github/secure_headers;
 * the full rules are in {@code docs/POLICY_ENGINE.md}).
 *
 * <ul>
 *   <li>{@link #INHERIT}: the platform baseline applies unchanged; the row's settings are not
 *       applied (the resolution reports them as not applicable).</li>
 *   <li>{@link #EXTEND}: "append". Each tenant source is added to the directive; a directive the
 *       policy lacks is first seeded from the directive it falls back to (CSP3: {@code default-src},
 *       or {@code script-src}/{@code style-src} for their {@code -elem}/{@code -attr} variants), and
 *       {@code 'none'} is dropped once other sources are added. Appends never weaken a locked
 *       directive: {@code *}, scheme sources, {@code 'unsafe-eval'}, {@code 'unsafe-inline'} without
 *       a nonce or hash, or anything added where the platform allows nothing is refused unless the
 *       platform granted that exact weakening. Headers the set lacks are added; Permissions-Policy
 *       features and Reporting-Endpoints groups are merged; other headers only take a value at least
 *       as strict as the current one.</li>
 *   <li>{@link #OVERRIDE}: "override". Tenant directives and header values replace the current
 *       ones, but only those the row's override permissions list; a locked directive or header can
 *       then only be tightened, unless the platform granted the specific weakening.</li>
 * </ul>
 */
public enum PolicyInheritanceMode {
    INHERIT, EXTEND, OVERRIDE;

    public String wireName() {
        return WireEnums.wireName(this);
    }

    public static PolicyInheritanceMode fromWire(String value) {
        return WireEnums.parse(PolicyInheritanceMode.class, value, "inheritance_mode");
    }
}
