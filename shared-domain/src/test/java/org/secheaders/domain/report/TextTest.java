package org.secheaders.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void returnsCleanShortTextUnchanged() {
        String value = "console.log(\"lo\")";
        assertSame(value, Text.clean(value, 40));
    }

    @Test
    void turnsWhitespaceControlsIntoSpacesAndDropsOtherControlsAndBidiOverrides() {
        assertEquals("a b c d", Text.clean("a\tb\nc\r\u0000\u0007d\u202e\u2066", 40));
    }

    @Test
    void neverEndsOnHalfASurrogatePair() {
        String emoji = "ab\uD83D\uDE00";
        assertEquals("ab", Text.clean(emoji, 3));
        assertEquals(emoji, Text.clean(emoji, 4));
    }

    @Test
    void quotesCappedInput() {
        assertEquals("'" + "x".repeat(64) + "...'", Text.quote("x".repeat(100)));
        assertEquals("'ok'", Text.quote("ok"));
    }
}
