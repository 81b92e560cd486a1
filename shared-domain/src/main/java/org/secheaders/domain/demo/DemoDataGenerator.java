package org.secheaders.domain.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the demo reports of a {@link DemoScenario}. Deterministic: one {@link SplittableRandom}
 * seeded with the scenario's seed drives every draw, in a fixed order, so the same scenario always
 * gives the same data set. The planted patterns come first; the baseline then fills the scenario's
 * violation total exactly, split among the tenants by traffic share.
 */
public final class DemoDataGenerator {

    public DemoDataset generate(DemoScenario scenario) {
        SplittableRandom random = new SplittableRandom(scenario.seed());
        List<DemoSite> sites = new ArrayList<>();
        for (DemoTenant tenant : scenario.tenants()) {
            sites.add(new DemoSite(tenant, scenario, random.split()));
        }

        List<PageView> views = new ArrayList<>();
        PlantedPattern.AttackBurst burst = scenario.attackBurst();
        views.addAll(AttackTraffic.generate(site(sites, burst.tenantSlug()), burst, random.split()));
        PlantedPattern.PolicyRegression regression = scenario.policyRegression();
        views.addAll(RegressionTraffic.generate(site(sites, regression.tenantSlug()), regression, random.split()));

        int baseline = scenario.totalViolations() - views.stream().mapToInt(view -> view.sources().size()).sum();
        int[] quotas = split(baseline, sites.stream().mapToDouble(site -> site.tenant().trafficShare()).toArray());
        for (int i = 0; i < sites.size(); i++) {
            views.addAll(BaselineTraffic.generate(sites.get(i), quotas[i], random.split()));
        }
        return encode(scenario, views, random.split());
    }

    private static DemoDataset encode(DemoScenario scenario, List<PageView> views, SplittableRandom random) {
        List<DemoReport> reports = new ArrayList<>();
        List<DemoViolation> violations = new ArrayList<>();
        for (PageView view : views) {
            ReportEncoder.Encoded encoded = ReportEncoder.encode(view, random);
            reports.addAll(encoded.reports());
            violations.addAll(encoded.violations());
        }
        // Stable sorts: ties keep generation order, so the order is as reproducible as the content.
        reports.sort(Comparator.comparing(DemoReport::receivedAt));
        violations.sort(Comparator.comparing(DemoViolation::receivedAt).thenComparing(DemoViolation::occurredAt));
        return new DemoDataset(scenario, reports, violations);
    }

    private static DemoSite site(List<DemoSite> sites, String slug) {
        return sites.stream().filter(site -> site.tenant().slug().equals(slug)).findFirst().orElseThrow();
    }

    /** {@code total} split in proportion to {@code shares}, rounding by largest remainder so the parts add up. */
    static int[] split(int total, double[] shares) {
        double sum = Arrays.stream(shares).sum();
        int[] parts = new int[shares.length];
        double[] remainders = new double[shares.length];
        int assigned = 0;
        for (int i = 0; i < shares.length; i++) {
            double exact = total * shares[i] / sum;
            parts[i] = (int) Math.floor(exact);
            remainders[i] = exact - parts[i];
            assigned += parts[i];
        }
        for (int left = total - assigned; left > 0; left--) {
            int largest = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[largest]) {
                    largest = i;
                }
            }
            parts[largest]++;
            remainders[largest] = -1;
        }
        return parts;
    }
}
