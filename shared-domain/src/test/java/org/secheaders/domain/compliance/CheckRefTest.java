package org.secheaders.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.domain.model.CheckResult.FAIL;
import static org.secheaders.domain.model.CheckResult.PASS;
import static org.secheaders.domain.model.CheckResult.WARNING;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class CheckRefTest {

    @Test
    void readingsShiftOnlyTheirOwnResult() {
        CheckRef lenient = new CheckRef("x", 1, Optional.empty(), true, false);
        assertEquals(WARNING, lenient.adjust(FAIL));
        assertEquals(PASS, lenient.adjust(PASS));
        CheckRef strict = new CheckRef("x", 1, Optional.empty(), false, true);
        assertEquals(FAIL, strict.adjust(WARNING));
        assertEquals(PASS, strict.adjust(PASS));
    }

    @Test
    void levelAndEditionGates() {
        CheckRef fromLevelTwoIn50 = new CheckRef("x", 2, Optional.of(AsvsVersion.V5_0), false, false);
        assertFalse(fromLevelTwoIn50.appliesTo(new EvaluationOptions(AsvsVersion.V5_0, 1)));
        assertTrue(fromLevelTwoIn50.appliesTo(new EvaluationOptions(AsvsVersion.V5_0, 2)));
        assertFalse(fromLevelTwoIn50.appliesTo(new EvaluationOptions(AsvsVersion.V4_0_3, 3)));
        assertTrue(CheckRef.of("x").appliesTo(new EvaluationOptions(AsvsVersion.V4_0_3, 1)));
    }
}
