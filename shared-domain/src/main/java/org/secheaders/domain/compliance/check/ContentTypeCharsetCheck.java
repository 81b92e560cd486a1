package org.secheaders.domain.compliance.check;

import java.util.Optional;

import org.secheaders.domain.grading.ResponseHeaders;

/**
 * {@code content_type.charset}: the response says what it is, and text says its encoding, so
 * browsers neither sniff nor guess an encoding an attacker can exploit (ASVS 5.0 4.1.1). Only a
 * live response has a Content-Type to judge; configured header sets do not carry one.
 */
final class ContentTypeCharsetCheck implements AtomicCheck {
    static final String ID = "content_type.charset";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "Content-Type present, with a charset for text and XML types";
    }

    @Override
    public String fix() {
        return "Send Content-Type with the media type and charset=UTF-8 for text.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        ResponseHeaders headers = context.response().headers();
        Optional<MediaType> type = MediaType.of(headers);
        Finding finding = Finding.of(this, headers.first(MediaType.HEADER), EvidenceLines.of(headers, MediaType.HEADER));
        if (type.isEmpty()) {
            return context.bundle().source().isLive()
                    ? finding.fail("absent", "The response has no Content-Type.")
                    : finding.notApplicable("not_live_evidence", "This header set carries no Content-Type; "
                            + "scan the live URL to check it.");
        }
        if (!type.get().needsCharset()) {
            return finding.pass("typed", "Content-Type " + type.get().essence() + " needs no charset.");
        }
        return type.get().charset().isPresent()
                ? finding.pass("charset", "Content-Type names its charset.")
                : finding.warn("charset_missing", type.get().essence() + " without a charset leaves the encoding to guesswork.");
    }
}
