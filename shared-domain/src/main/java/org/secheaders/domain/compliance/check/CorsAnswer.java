package org.secheaders.domain.compliance.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.secheaders.domain.grading.CorsProbe;
import org.secheaders.domain.grading.ResponseHeaders;

/**
 * One CORS answer: the Origin sent (empty for a static header set) and what came back.
 *
 * @param allowOrigin  {@code Access-Control-Allow-Origin}, trimmed
 * @param credentials  {@code Access-Control-Allow-Credentials: true}
 */
record CorsAnswer(Optional<String> requestOrigin, Optional<String> allowOrigin, boolean credentials, List<String> lines) {
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
    static final String NULL_ORIGIN = "null";

    static CorsAnswer of(Optional<String> requestOrigin, ResponseHeaders headers) {
        return new CorsAnswer(requestOrigin,
                headers.first(ALLOW_ORIGIN).map(String::trim).filter(v -> !v.isEmpty()),
                headers.first(ALLOW_CREDENTIALS).filter(v -> v.trim().equalsIgnoreCase("true")).isPresent(),
                EvidenceLines.of(headers, ALLOW_ORIGIN, ALLOW_CREDENTIALS));
    }

    /**
     * The answers to judge: every probe's, or for a configured or supplied header set without
     * probes, its static CORS headers (a live scan's main request carries no Origin, so its headers
     * say nothing about CORS).
     */
    static List<CorsAnswer> all(EvaluationContext context) {
        List<CorsAnswer> answers = new ArrayList<>();
        for (CorsProbe probe : context.bundle().allCorsProbes()) {
            answers.add(of(Optional.of(probe.requestOrigin()), probe.responseHeaders()));
        }
        if (answers.isEmpty() && !context.bundle().source().isLive()) {
            answers.add(of(Optional.empty(), context.response().headers()));
        }
        return answers;
    }

    static List<String> lines(List<CorsAnswer> answers) {
        List<String> lines = new ArrayList<>();
        for (CorsAnswer answer : answers) {
            answer.requestOrigin().ifPresent(origin -> lines.add("(probe) Origin: " + origin));
            lines.addAll(answer.lines());
        }
        return lines;
    }

    static Optional<String> observed(List<CorsAnswer> answers) {
        List<String> values = answers.stream().map(a -> a.allowOrigin().orElse("(none)")
                + (a.credentials() ? " with credentials" : "")).toList();
        return answers.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", values));
    }
}
