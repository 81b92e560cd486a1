/**
 * Realistic demo data for {@code secheaders demo}: a {@link org.secheaders.domain.demo.DemoScenario}
 * describes what to generate, the {@link org.secheaders.domain.demo.DemoDataGenerator} turns it into
 * browser reports in their wire formats (deterministically, from a seed), and the
 * {@link org.secheaders.domain.demo.DemoDataSeeder} stores tenants, policy history, header metrics,
 * incidents and the reports, run through a {@link org.secheaders.domain.demo.ViolationProcessor}.
 *
 * <p>The data carries the patterns the analytics are meant to find (a planted attack burst, a
 * regression after a policy change, browser-extension noise); nothing about the findings is
 * stored anywhere else. See {@code docs/DEMO_DATA.md}.
 */
package org.secheaders.domain.demo;
