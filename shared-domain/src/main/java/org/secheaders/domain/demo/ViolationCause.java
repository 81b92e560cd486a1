package org.secheaders.domain.demo;

/**
 * Why a demo violation exists: the generator's ground truth, kept out of the reports themselves so
 * a classifier can be checked against it (never fed with it).
 */
public enum ViolationCause {
    /** Something on the tenant's own pages (first or third party) that its policy does not allow. */
    SITE,
    /** Injected by a browser extension or a local injector: noise. */
    EXTENSION,
    /** The planted {@link PlantedPattern.AttackBurst}. */
    ATTACK,
    /** The planted {@link PlantedPattern.PolicyRegression}. */
    POLICY_REGRESSION
}
