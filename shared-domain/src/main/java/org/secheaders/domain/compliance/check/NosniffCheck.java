package org.secheaders.domain.compliance.check;

import java.util.List;

/**
 * {@code xcto.nosniff}: browsers do not guess content types. Read as the Fetch standard reads it:
 * the first comma-separated value decides, so a header sent twice still works (the Observatory
 * grades that case invalid; the message notes it).
 */
final class NosniffCheck implements AtomicCheck {
    static final String ID = "xcto.nosniff";
    private static final String HEADER = "X-Content-Type-Options";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "X-Content-Type-Options: nosniff";
    }

    @Override
    public String fix() {
        return "Send X-Content-Type-Options: nosniff.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        List<String> values = context.response().headers().values(HEADER);
        Finding finding = Finding.of(this, context.response().headers().combined(HEADER),
                EvidenceLines.of(context.response().headers(), HEADER));
        List<String> members = HeaderLists.lowerCaseMembers(values);
        if (members.isEmpty()) {
            return finding.fail("absent", "No X-Content-Type-Options header.");
        }
        if (!members.get(0).equals("nosniff")) {
            return finding.fail("not_nosniff", "X-Content-Type-Options is not nosniff, so browsers may sniff content types.");
        }
        return members.size() == 1
                ? finding.pass("nosniff", "MIME sniffing is off.")
                : finding.pass("nosniff_repeated", "MIME sniffing is off; the header is sent more than once "
                        + "(browsers use the first value, the Observatory grades it invalid).");
    }
}
