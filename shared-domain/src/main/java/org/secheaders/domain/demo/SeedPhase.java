package org.secheaders.domain.demo;

/** The steps of seeding, in the order they run. */
public enum SeedPhase {
    /** Generating the reports (done: 0 or 1 of 1). */
    GENERATE,
    /** Creating the demo tenants. */
    TENANTS,
    /** Replaying the tenants' policy revisions. */
    POLICIES,
    /** Storing header-processing metric rows. */
    METRICS,
    /** Processing and storing the violations (counted in violations carried by the processed reports). */
    VIOLATIONS,
    /** Creating incidents and their timelines. */
    INCIDENTS
}
