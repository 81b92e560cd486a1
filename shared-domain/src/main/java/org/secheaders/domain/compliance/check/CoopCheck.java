package org.secheaders.domain.compliance.check;

import java.util.Set;

/**
 * {@code coop.same_origin}: a document does not share its browsing context group with pages it
 * opens or that open it (cross-window attacks, XS-Leaks). ASVS 5.0 3.4.8 asks it of HTML
 * documents only, so other content types are not applicable.
 */
final class CoopCheck implements AtomicCheck {
    static final String ID = "coop.same_origin";
    private static final String HEADER = "Cross-Origin-Opener-Policy";
    private static final Set<String> ISOLATING = Set.of("same-origin", "same-origin-allow-popups", "noopener-allow-popups");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "Cross-Origin-Opener-Policy: same-origin (or same-origin-allow-popups) on documents";
    }

    @Override
    public String fix() {
        return "Send Cross-Origin-Opener-Policy: same-origin on HTML documents.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        IsolationHeader coop = IsolationHeader.read(context.response().headers(), HEADER);
        Finding finding = Finding.of(this, coop.raw(), coop.lines());
        if (!MediaType.isDocument(context.response().headers())) {
            return finding.notApplicable("not_a_document", "The response is not an HTML document.");
        }
        if (coop.token().filter(ISOLATING::contains).isPresent()) {
            return finding.pass("isolating", "The document is isolated from cross-origin windows.");
        }
        return coop.raw().isEmpty()
                ? finding.fail("absent", "No Cross-Origin-Opener-Policy; the default unsafe-none applies.")
                : finding.fail("not_isolating", "Cross-Origin-Opener-Policy does not isolate the document "
                        + "(unsafe-none, or a value browsers ignore).");
    }
}
