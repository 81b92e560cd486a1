package org.secheaders.domain.policy;

import java.util.ArrayList;
import java.util.List;
import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.csp.SourceExpression;

/** Source-list facts shared by rendering, merging and the strictness comparison. */
final class Sources {
    static final SourceExpression NONE = new SourceExpression.Keyword(CspKeyword.NONE);
    static final SourceExpression REPORT_SAMPLE = new SourceExpression.Keyword(CspKeyword.REPORT_SAMPLE);

    private Sources() {
    }

    /**
     * Whether the list lets nothing load: empty, or only {@code 'none'} (and {@code 'report-sample'},
     * which allows nothing). Such a directive gets no per-response nonce: adding one would allow scripts
     * the directive forbids.
     */
    static boolean allowsNothing(List<SourceExpression> sources) {
        return sources.stream().allMatch(s -> s.equals(NONE) || s.equals(REPORT_SAMPLE));
    }

    static boolean hasNonceOrHash(List<SourceExpression> sources) {
        return sources.stream().anyMatch(s -> s instanceof SourceExpression.Nonce || s instanceof SourceExpression.Hash);
    }

    /**
     * secure_headers' append: {@code additions} after {@code base}, without repeats; {@code 'none'} is
     * dropped once anything else is listed, since browsers ignore it next to other sources.
     */
    static List<SourceExpression> union(List<SourceExpression> base, List<SourceExpression> additions) {
        List<SourceExpression> merged = new ArrayList<>(base);
        for (SourceExpression addition : additions) {
            if (!merged.contains(addition)) {
                merged.add(addition);
            }
        }
        if (merged.size() > 1) {
            merged.remove(NONE);
        }
        return merged;
    }
}
