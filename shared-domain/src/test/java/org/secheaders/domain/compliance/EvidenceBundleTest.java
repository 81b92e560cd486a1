package org.secheaders.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.grading.CorsProbe;
import org.secheaders.domain.grading.HttpsProbe;
import org.secheaders.domain.grading.ResponseEvidence;
import org.secheaders.domain.grading.ResponseHeaders;

class EvidenceBundleTest {

    @Test
    void mappingHeadersAlsoMapsTheHttpsResponseHstsIsReadFrom() {
        ResponseEvidence evidence = ResponseEvidence.ofHeaders(ResponseHeaders.empty())
                .withHttps(new HttpsProbe.Reached(ResponseHeaders.of("A", "1"), true));
        EvidenceBundle mapped = EvidenceBundle.observed(evidence).mapHeaders(h -> h.with("B", "2"));
        ResponseEvidence after = mapped.evidence().orElseThrow();
        assertEquals(List.of("2"), after.headers().values("B"));
        assertEquals(List.of("2"), ((HttpsProbe.Reached) after.https()).headers().values("B"));
        assertEquals(List.of("1"), ((HttpsProbe.Reached) after.https()).headers().values("A"));
    }

    @Test
    void anUnavailableResponseStaysUnavailable() {
        EvidenceBundle unavailable = EvidenceBundle.unavailable(EvidenceSource.OBSERVED, "DNS failure");
        assertSame(unavailable, unavailable.mapHeaders(h -> h.with("B", "2")));
        assertThrows(IllegalArgumentException.class, () -> EvidenceBundle.unavailable(EvidenceSource.OBSERVED, " "));
    }

    @Test
    void theResponsesOwnProbeComesFirst() {
        CorsProbe own = new CorsProbe("https://a.example", ResponseHeaders.empty());
        CorsProbe extra = new CorsProbe("null", ResponseHeaders.empty());
        EvidenceBundle bundle = EvidenceBundle.observed(ResponseEvidence.ofHeaders(ResponseHeaders.empty()).withCors(own))
                .withCorsProbe(extra);
        assertEquals(List.of(own, extra), bundle.allCorsProbes());
    }
}
