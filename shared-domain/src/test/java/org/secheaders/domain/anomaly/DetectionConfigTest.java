package org.secheaders.domain.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DetectionConfigTest {

    private static void assertRejected(String fragment, Executable build) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, build);
        assertTrue(error.getMessage().contains(fragment), error.getMessage());
    }

    @Test
    void defaultsFollowTheDesignNotes() {
        DetectionConfig config = DetectionConfig.defaults();

        assertEquals(3, config.k());
        assertEquals(0.5, config.marginFraction());
        assertEquals(20, config.absoluteFloorPerMinute());
        assertEquals(5, config.distinctClientFloor());
        assertEquals(3, config.consecutiveBreaches());
        assertEquals(1e-4, config.poissonPValue());
        assertEquals(5, config.lowCountMedian());
        assertEquals(Duration.ofHours(24), config.baselineWindow());
        assertEquals(new Seasonality(Duration.ofDays(1), Duration.ofDays(1)), config.daily());
        assertEquals(new Seasonality(Duration.ofDays(7), Duration.ofDays(7)), config.weekly());
        assertEquals(Duration.ofMinutes(60), config.evaluationWindow());
    }

    @Test
    void rejectsValuesOutOfRangeNamingThem() {
        assertRejected("k must be positive", () -> DetectionConfig.builder().k(0).build());
        assertRejected("k must be positive", () -> DetectionConfig.builder().k(Double.NaN).build());
        assertRejected("consecutiveBreaches must be at least 1, was 0",
                () -> DetectionConfig.builder().consecutiveBreaches(0).build());
        assertRejected("poissonPValue", () -> DetectionConfig.builder().poissonPValue(1).build());
        assertRejected("absoluteFloorPerMinute", () -> DetectionConfig.builder().absoluteFloorPerMinute(-1).build());
        assertRejected("evaluationWindow", () -> DetectionConfig.builder().evaluationWindow(Duration.ZERO).build());
        assertRejected("minimumBaseline", () -> DetectionConfig.builder().minimumBaseline(Duration.ofDays(2)).build());
    }

    @Test
    void seasonalSlotsMustStayOutOfTheEvaluationWindow() {
        assertRejected("must be at least evaluationWindow", () -> DetectionConfig.builder()
                .evaluationWindow(Duration.ofHours(23).plusMinutes(31)).build());
        DetectionConfig.builder().evaluationWindow(Duration.ofHours(23).plusMinutes(30)).build();
    }

    @Test
    void seasonsMustBeOrderedAndHaveTheirSlotInHistory() {
        assertRejected("must be longer than daily lag",
                () -> DetectionConfig.builder().weekly(Seasonality.of(Duration.ofHours(24))).build());
        assertRejected("shorter than lag", () -> new Seasonality(Duration.ofDays(7), Duration.ofDays(6)));
    }
}
