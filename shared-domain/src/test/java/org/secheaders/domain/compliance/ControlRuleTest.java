package org.secheaders.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.secheaders.domain.model.CheckResult.FAIL;
import static org.secheaders.domain.model.CheckResult.NOT_APPLICABLE;
import static org.secheaders.domain.model.CheckResult.PASS;
import static org.secheaders.domain.model.CheckResult.WARNING;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.CheckResult;

class ControlRuleTest {

    @Test
    void allPassTakesTheWorstAndIgnoresNotApplicable() {
        ControlRule rule = new ControlRule.AllPass();
        assertEquals(PASS, rule.combine(List.of(PASS, NOT_APPLICABLE, PASS)));
        assertEquals(WARNING, rule.combine(List.of(PASS, WARNING)));
        assertEquals(FAIL, rule.combine(List.of(WARNING, FAIL, PASS)));
        assertEquals(NOT_APPLICABLE, rule.combine(List.of(NOT_APPLICABLE)));
        assertEquals(NOT_APPLICABLE, rule.combine(List.of()));
    }

    @Test
    void anyPassTakesTheBest() {
        ControlRule rule = new ControlRule.AnyPass();
        assertEquals(PASS, rule.combine(List.of(FAIL, PASS)));
        assertEquals(WARNING, rule.combine(List.of(FAIL, WARNING, NOT_APPLICABLE)));
        assertEquals(FAIL, rule.combine(List.of(FAIL)));
    }

    @Test
    void ratioBoundariesCountWarningsAsHalf() {
        ControlRule rule = new ControlRule.Ratio(90, 70);
        assertEquals(PASS, rule.combine(times(9, PASS, FAIL)));          // 90%
        assertEquals(WARNING, rule.combine(times(8, PASS, FAIL, WARNING))); // 85%
        assertEquals(WARNING, rule.combine(times(7, PASS, FAIL, FAIL, FAIL))); // 70%
        assertEquals(FAIL, rule.combine(List.of(PASS, PASS, FAIL, FAIL, WARNING))); // 50%
        assertEquals(PASS, new ControlRule.Ratio(100, 50).combine(List.of(PASS, NOT_APPLICABLE)));
        assertEquals(WARNING, new ControlRule.Ratio(100, 50).combine(List.of(PASS, FAIL)));
        assertThrows(IllegalArgumentException.class, () -> new ControlRule.Ratio(60, 70));
    }

    private static List<CheckResult> times(int passes, CheckResult... rest) {
        List<CheckResult> results = new ArrayList<>(Collections.nCopies(passes, PASS));
        results.addAll(List.of(rest));
        return results;
    }
}
