package org.secheaders.domain.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.secheaders.domain.grading.CorsProbe;
import org.secheaders.domain.grading.HttpsProbe;
import org.secheaders.domain.grading.ResponseEvidence;
import org.secheaders.domain.grading.ResponseHeaders;

/**
 * Everything one compliance evaluation reads. Built once by the caller (the scanner, the policy
 * engine, a paste form, the database for history) and never changed by the evaluation.
 *
 * @param source     where the response evidence came from
 * @param response   the response (headers, HTTPS and HTTP probes, the Observatory's CORS probe), or why there is none
 * @param profile    what the response is (sensitive, API, logout)
 * @param corsProbes probes beyond the response's own, e.g. one sent with {@code Origin: null}
 * @param history    scan, finding and change history for the period-based SOC 2 criteria
 * @param drift      configured and observed headers to compare
 */
public record EvidenceBundle(
        EvidenceSource source,
        ResponseCapture response,
        ResponseProfile profile,
        List<CorsProbe> corsProbes,
        Optional<HistoryEvidence> history,
        Optional<ConfiguredVsObserved> drift) {

    public EvidenceBundle {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(profile, "profile");
        corsProbes = List.copyOf(corsProbes);
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(drift, "drift");
    }

    /** A live scan. */
    public static EvidenceBundle observed(ResponseEvidence evidence) {
        return of(EvidenceSource.OBSERVED, new ResponseCapture.Captured(evidence));
    }

    /** The policy engine's resolved header set, taken as served over HTTPS. */
    public static EvidenceBundle configured(ResponseHeaders headers) {
        return of(EvidenceSource.CONFIGURED, new ResponseCapture.Captured(ResponseEvidence.ofHeaders(headers)));
    }

    /** Pasted headers, taken as served over HTTPS. */
    public static EvidenceBundle supplied(ResponseHeaders headers) {
        return of(EvidenceSource.SUPPLIED, new ResponseCapture.Captured(ResponseEvidence.ofHeaders(headers)));
    }

    /** A response that could not be obtained (timeout, DNS failure): its checks are not evaluated. */
    public static EvidenceBundle unavailable(EvidenceSource source, String reason) {
        return of(source, new ResponseCapture.Unavailable(reason));
    }

    private static EvidenceBundle of(EvidenceSource source, ResponseCapture response) {
        return new EvidenceBundle(source, response, ResponseProfile.page(), List.of(), Optional.empty(), Optional.empty());
    }

    public EvidenceBundle withProfile(ResponseProfile newProfile) {
        return new EvidenceBundle(source, response, newProfile, corsProbes, history, drift);
    }

    public EvidenceBundle withCorsProbe(CorsProbe probe) {
        List<CorsProbe> probes = new ArrayList<>(corsProbes);
        probes.add(probe);
        return new EvidenceBundle(source, response, profile, probes, history, drift);
    }

    public EvidenceBundle withHistory(HistoryEvidence newHistory) {
        return new EvidenceBundle(source, response, profile, corsProbes, Optional.of(newHistory), drift);
    }

    public EvidenceBundle withDrift(ConfiguredVsObserved pair) {
        return new EvidenceBundle(source, response, profile, corsProbes, history, Optional.of(pair));
    }

    /** The captured response, when there is one. */
    public Optional<ResponseEvidence> evidence() {
        return response instanceof ResponseCapture.Captured captured ? Optional.of(captured.evidence()) : Optional.empty();
    }

    /** Every CORS probe: the response's own first, then the extra ones. */
    public List<CorsProbe> allCorsProbes() {
        List<CorsProbe> probes = new ArrayList<>();
        evidence().flatMap(ResponseEvidence::cors).ifPresent(probes::add);
        probes.addAll(corsProbes);
        return probes;
    }

    /**
     * This bundle with {@code change} applied to the response headers, and to the HTTPS response's
     * headers too, since HSTS is read from those: how a remediation is tried out.
     */
    public EvidenceBundle mapHeaders(UnaryOperator<ResponseHeaders> change) {
        if (!(response instanceof ResponseCapture.Captured captured)) {
            return this;
        }
        ResponseEvidence evidence = captured.evidence();
        ResponseEvidence changed = new ResponseEvidence(change.apply(evidence.headers()), evidence.httpEquiv(),
                evidence.fetchedOverHttps(), mapHttps(evidence.https(), change), evidence.http(), evidence.cors(),
                evidence.hostname());
        return new EvidenceBundle(source, new ResponseCapture.Captured(changed), profile, corsProbes, history, drift);
    }

    private static HttpsProbe mapHttps(HttpsProbe probe, UnaryOperator<ResponseHeaders> change) {
        return probe instanceof HttpsProbe.Reached reached
                ? new HttpsProbe.Reached(change.apply(reached.headers()), reached.certificateVerified())
                : probe;
    }
}
