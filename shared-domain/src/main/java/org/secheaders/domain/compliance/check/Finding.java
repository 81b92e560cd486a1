package org.secheaders.domain.compliance.check;

import java.util.List;
import java.util.Optional;

import org.secheaders.domain.model.CheckResult;

/**
 * The common part of a check's result (id, expectation, what was read) waiting for its verdict:
 * {@code Finding.of(this, observed, lines).fail("absent", "...")}.
 */
record Finding(String id, String expected, Optional<String> observed, List<String> evidence) {

    static Finding of(AtomicCheck check, Optional<String> observed, List<String> evidence) {
        return new Finding(check.id(), check.expected(), observed, evidence);
    }

    static Finding of(AtomicCheck check) {
        return of(check, Optional.empty(), List.of());
    }

    AtomicResult pass(String rule, String message) {
        return verdict(CheckResult.PASS, rule, message);
    }

    AtomicResult warn(String rule, String message) {
        return verdict(CheckResult.WARNING, rule, message);
    }

    AtomicResult fail(String rule, String message) {
        return verdict(CheckResult.FAIL, rule, message);
    }

    AtomicResult notApplicable(String rule, String message) {
        return verdict(CheckResult.NOT_APPLICABLE, rule, message);
    }

    AtomicResult notEvaluated(String reason) {
        return AtomicResult.notEvaluated(id, expected, reason);
    }

    private AtomicResult verdict(CheckResult result, String rule, String message) {
        return new AtomicResult(id, result, true, observed, expected, evidence, rule, message);
    }
}
