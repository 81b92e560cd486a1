package org.secheaders.domain.compliance.check;

import java.util.Set;

/** {@code coep.require_corp}: the document loads only cross-origin resources that opted in (or without credentials). */
final class CoepCheck implements AtomicCheck {
    static final String ID = "coep.require_corp";
    private static final String HEADER = "Cross-Origin-Embedder-Policy";
    private static final Set<String> REQUIRING = Set.of("require-corp", "credentialless");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "Cross-Origin-Embedder-Policy: require-corp or credentialless on documents";
    }

    @Override
    public String fix() {
        return "Send Cross-Origin-Embedder-Policy: require-corp (or credentialless) once embedded resources opt in.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        IsolationHeader coep = IsolationHeader.read(context.response().headers(), HEADER);
        Finding finding = Finding.of(this, coep.raw(), coep.lines());
        if (!MediaType.isDocument(context.response().headers())) {
            return finding.notApplicable("not_a_document", "The response is not an HTML document.");
        }
        if (coep.token().filter(REQUIRING::contains).isPresent()) {
            return finding.pass("requiring", "Cross-origin resources must opt in to be embedded.");
        }
        return coep.raw().isEmpty()
                ? finding.fail("absent", "No Cross-Origin-Embedder-Policy.")
                : finding.fail("not_requiring", "Cross-Origin-Embedder-Policy is unsafe-none or a value browsers ignore.");
    }
}
