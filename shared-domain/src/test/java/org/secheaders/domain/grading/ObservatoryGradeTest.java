package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservatoryGradeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "165, A+", "120, A+", "100, A+", "99, A", "95, A", "90, A", "89, A-", "85, A-", "84, B+", "80, B+",
            "79, B", "75, B", "70, B", "69, B-", "65, B-", "60, C+", "59, C", "50, C", "45, C-", "40, D+",
            "39, D", "30, D", "25, D-", "24, F", "20, F", "5, F", "0, F", "-10, F"})
    void followsTheGradeChart(int score, String grade) {
        assertEquals(grade, ObservatoryGrade.forScore(score).display());
    }

    @Test
    void displaysAsTheObservatoryPrints() {
        assertEquals("A+", ObservatoryGrade.A_PLUS.display());
        assertEquals("B-", ObservatoryGrade.B_MINUS.display());
    }
}
