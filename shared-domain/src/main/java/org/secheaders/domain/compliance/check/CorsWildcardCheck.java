package org.secheaders.domain.compliance.check;

import java.util.List;

/**
 * {@code cors.no_wildcard_with_credentials}: responses are not shared with every origin.
 * {@code *} alone is legitimate for public data (a warning: ASVS 3.4.2 allows it only without
 * sensitive content); with credentials it is a misconfiguration.
 */
final class CorsWildcardCheck implements AtomicCheck {
    static final String ID = "cors.no_wildcard_with_credentials";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "no Access-Control-Allow-Origin: * (never with Access-Control-Allow-Credentials: true)";
    }

    @Override
    public String fix() {
        return "Replace Access-Control-Allow-Origin: * with an allowlist; never combine * with credentials.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        List<CorsAnswer> answers = CorsAnswer.all(context);
        Finding finding = Finding.of(this, CorsAnswer.observed(answers), CorsAnswer.lines(answers));
        if (answers.isEmpty()) {
            return finding.notEvaluated("the scan sent no CORS probe");
        }
        boolean wildcard = false;
        for (CorsAnswer answer : answers) {
            if (answer.allowOrigin().filter("*"::equals).isPresent()) {
                if (answer.credentials()) {
                    return finding.fail("wildcard_with_credentials", "Access-Control-Allow-Origin: * is combined with "
                            + "Access-Control-Allow-Credentials: true.");
                }
                wildcard = true;
            }
        }
        return wildcard
                ? finding.warn("public_wildcard", "Access-Control-Allow-Origin: * shares responses with every origin; "
                        + "acceptable only for public, non-sensitive data.")
                : finding.pass("no_wildcard", "Responses are not shared with every origin.");
    }
}
