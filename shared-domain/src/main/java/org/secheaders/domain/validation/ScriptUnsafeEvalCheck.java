package org.secheaders.domain.validation;

import java.util.List;

import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.csp.CspPolicy;

/** {@code 'unsafe-eval'} in the directives governing scripts. */
final class ScriptUnsafeEvalCheck implements CspCheck {

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        String unsafeEval = CspKeyword.UNSAFE_EVAL.token();
        return EffectiveDirectives.names(policy, EffectiveDirectives.SCRIPT).stream()
                .filter(d -> SourceValues.serialized(policy.sources(d)).contains(unsafeEval))
                .map(d -> CspFinding.onValue(FindingType.SCRIPT_UNSAFE_EVAL, FindingSeverity.MEDIUM_MAYBE, d,
                        unsafeEval,
                        "'unsafe-eval' in " + d + " lets strings injected into eval(), new Function() or "
                                + "setTimeout(string) run as code.",
                        "Remove 'unsafe-eval' and replace string evaluation in the page's scripts; if only "
                                + "WebAssembly needs it, use 'wasm-unsafe-eval' instead."))
                .toList();
    }
}
