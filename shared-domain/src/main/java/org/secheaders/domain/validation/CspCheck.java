package org.secheaders.domain.validation;

import java.util.List;

import org.secheaders.domain.csp.CspPolicy;

/** One check over one policy; implementations are stateless apart from their configuration. */
@FunctionalInterface
interface CspCheck {
    List<CspFinding> check(CspPolicy policy);
}
