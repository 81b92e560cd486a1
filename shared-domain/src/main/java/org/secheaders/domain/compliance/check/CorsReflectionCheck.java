package org.secheaders.domain.compliance.check;

import java.util.List;

/**
 * {@code cors.no_reflected_origin}: a request from a foreign origin is not answered with that
 * origin in {@code Access-Control-Allow-Origin} (an echo server trusts everyone), unless the tenant
 * listed the origin as trusted.
 */
final class CorsReflectionCheck implements AtomicCheck {
    static final String ID = "cors.no_reflected_origin";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "a foreign Origin is not echoed in Access-Control-Allow-Origin";
    }

    @Override
    public String fix() {
        return "Compare Origin with an exact allowlist instead of echoing it.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        List<CorsAnswer> probes = CorsAnswer.all(context).stream()
                .filter(a -> a.requestOrigin().filter(o -> !o.equals(CorsAnswer.NULL_ORIGIN)).isPresent())
                .toList();
        Finding finding = Finding.of(this, CorsAnswer.observed(probes), CorsAnswer.lines(probes));
        if (probes.isEmpty()) {
            return context.bundle().source().isLive()
                    ? finding.notEvaluated("the scan sent no CORS probe with a foreign Origin")
                    : finding.notApplicable("not_live_evidence", "A static header set cannot show whether the server "
                            + "echoes the Origin; scan the live URL.");
        }
        for (CorsAnswer probe : probes) {
            String origin = probe.requestOrigin().orElseThrow();
            boolean echoed = probe.allowOrigin().filter(origin::equals).isPresent();
            if (echoed && !context.options().tenant().trustedOrigins().contains(origin)) {
                return probe.credentials()
                        ? finding.fail("reflected_with_credentials", "The untrusted origin " + origin
                                + " is echoed back with credentials allowed: any site can read authenticated responses.")
                        : finding.fail("reflected", "The untrusted origin " + origin + " is echoed back.");
            }
        }
        return finding.pass("not_reflected", "Foreign origins are not echoed back.");
    }
}
