package org.secheaders.domain.grading;

import java.util.ArrayList;
import java.util.List;

/**
 * Grades evidence the way the MDN HTTP Observatory does (algorithm version 6): start from 100,
 * add every test's modifier, and keep the bonuses only if the penalties alone still leave an A
 * (at least 90); the letter comes from {@link ObservatoryGrade#forScore}.
 */
public final class ObservatoryGrader {
    public static final int ALGORITHM_VERSION = 6;
    private static final int STARTING_SCORE = 100;
    private static final int MINIMUM_SCORE_FOR_EXTRA_CREDIT = 90;

    private final List<ObservatoryCheck> checks;

    public ObservatoryGrader() {
        ContentSecurityPolicyCheck csp = new ContentSecurityPolicyCheck();
        StrictTransportSecurityCheck hsts = new StrictTransportSecurityCheck();
        this.checks = List.of(
                csp,
                new CookiesCheck(hsts),
                new CrossOriginEmbedderPolicyCheck(),
                new CrossOriginOpenerPolicyCheck(),
                new CrossOriginResourceSharingCheck(),
                new RedirectionCheck(),
                new ReferrerPolicyCheck(),
                hsts,
                new SubresourceIntegrityCheck(),
                new XContentTypeOptionsCheck(),
                new XFrameOptionsCheck(csp),
                new CrossOriginResourcePolicyCheck());
    }

    /** The checks in the Observatory's order, one per {@link ObservatoryTestName}. */
    public List<ObservatoryCheck> checks() {
        return checks;
    }

    public ObservatoryReport grade(ResponseEvidence evidence) {
        List<TestOutcome> outcomes = new ArrayList<>();
        List<NotEvaluated> outOfScope = new ArrayList<>();
        for (ObservatoryCheck check : checks) {
            TestEvaluation evaluation = check.evaluate(evidence);
            if (evaluation instanceof TestOutcome outcome) {
                outcomes.add(outcome);
            } else {
                outOfScope.add((NotEvaluated) evaluation);
            }
        }
        int score = Math.max(score(outcomes), 0);
        int passed = (int) outcomes.stream().filter(TestOutcome::pass).count();
        return new ObservatoryReport(ALGORITHM_VERSION, score, ObservatoryGrade.forScore(score),
                passed, outcomes.size() - passed, outcomes.size(), outcomes, outOfScope);
    }

    private static int score(List<TestOutcome> outcomes) {
        int withExtraCredit = STARTING_SCORE;
        int penaltiesOnly = STARTING_SCORE;
        for (TestOutcome outcome : outcomes) {
            withExtraCredit += outcome.scoreModifier();
            penaltiesOnly += Math.min(outcome.scoreModifier(), 0);
        }
        return penaltiesOnly >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtraCredit : penaltiesOnly;
    }
}
