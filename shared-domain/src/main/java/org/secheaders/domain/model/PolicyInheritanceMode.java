package org.secheaders.domain.model;

/**
 * How a tenant policy combines with the platform baseline (vocabulary after github/secure_headers).
 *
 * <ul>
 *   <li>{@link #INHERIT}: the platform baseline applies unchanged; the tenant's policy
 *       content is not applied (the tenant only opts in to the platform defaults).</li>
 *   <li>{@link #EXTEND}: "append": each tenant source is added to the baseline directive; a fetch
 *       directive the baseline lacks is first seeded from {@code default-src}. Other headers the
 *       baseline lacks may be added, existing header values are kept.</li>
 *   <li>{@link #OVERRIDE}: "override": tenant directives and header values replace the baseline's,
 *       but only where the platform's override permissions allow it; a locked directive can only
 *       be tightened, never weakened.</li>
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
