package org.secheaders.domain.compliance.check;

import java.util.List;

import org.secheaders.domain.grading.ResponseHeaders;

/**
 * {@code clear_site_data.on_logout}: the logout response tells the browser to drop the session's
 * cookies and storage ({@code "cookies"} and {@code "storage"}, or {@code "*"}). Only logout
 * responses are judged; OSHP advises against the header elsewhere (it costs processing time).
 */
final class ClearSiteDataCheck implements AtomicCheck {
    static final String ID = "clear_site_data.on_logout";
    private static final String HEADER = "Clear-Site-Data";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "Clear-Site-Data: \"cookies\", \"storage\" (or \"*\") on the logout response";
    }

    @Override
    public String fix() {
        return "Send Clear-Site-Data: \"cache\",\"cookies\",\"storage\" on logout.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        ResponseHeaders headers = context.response().headers();
        List<String> values = headers.values(HEADER);
        Finding finding = Finding.of(this, headers.combined(HEADER),
                EvidenceLines.of(headers, HEADER));
        if (!context.bundle().profile().logout()) {
            return finding.notApplicable("not_logout", "The response is not a logout response.");
        }
        List<String> types = HeaderLists.lowerCaseMembers(values);
        if (types.contains("\"*\"") || (types.contains("\"cookies\"") && types.contains("\"storage\""))) {
            return finding.pass("cleared", "Logout clears the session's cookies and storage.");
        }
        return values.isEmpty()
                ? finding.fail("absent", "Logout leaves cookies and storage in the browser.")
                : finding.warn("partial", "Clear-Site-Data does not clear both \"cookies\" and \"storage\".");
    }
}
