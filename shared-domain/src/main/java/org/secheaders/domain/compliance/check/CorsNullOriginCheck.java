package org.secheaders.domain.compliance.check;

import java.util.List;

/**
 * {@code cors.no_null_origin}: {@code Origin: null} (sandboxed frames, {@code file:} pages, some
 * redirects; any attacker can produce it) is not granted access.
 */
final class CorsNullOriginCheck implements AtomicCheck {
    static final String ID = "cors.no_null_origin";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "Origin: null is not allowed";
    }

    @Override
    public String fix() {
        return "Never answer Access-Control-Allow-Origin: null.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        List<CorsAnswer> answers = CorsAnswer.all(context);
        List<CorsAnswer> nullProbes = answers.stream()
                .filter(a -> a.requestOrigin().filter(CorsAnswer.NULL_ORIGIN::equals).isPresent()).toList();
        List<CorsAnswer> judged = nullProbes.isEmpty()
                ? answers.stream().filter(a -> a.requestOrigin().isEmpty()).toList()
                : nullProbes;
        Finding finding = Finding.of(this, CorsAnswer.observed(judged), CorsAnswer.lines(judged));
        if (judged.stream().anyMatch(a -> a.allowOrigin().filter(CorsAnswer.NULL_ORIGIN::equals).isPresent())) {
            return finding.fail("null_origin_allowed", "Access-Control-Allow-Origin: null grants access to any "
                    + "sandboxed or file: page.");
        }
        if (!nullProbes.isEmpty()) {
            return finding.pass("null_origin_refused", "Origin: null is not granted access.");
        }
        return context.bundle().source().isLive()
                ? finding.notEvaluated("the scan sent no CORS probe with Origin: null")
                : finding.notApplicable("not_live_evidence", "A static header set does not allow null; whether the "
                        + "server accepts Origin: null needs a live probe.");
    }
}
