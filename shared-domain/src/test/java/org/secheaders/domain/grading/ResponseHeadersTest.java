package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponseHeadersTest {

    @Test
    void repeatedLinesAreCombinedAsNodeCombinesThem() {
        ResponseHeaders headers = ResponseHeaders.of(
                "X-Frame-Options", "DENY", "Set-Cookie", "a=1", "x-frame-options", "SAMEORIGIN",
                "Set-Cookie", "b=2", "Content-Type", "text/html", "content-type", "application/json");
        assertEquals(List.of("DENY, SAMEORIGIN"), headers.values("X-FRAME-OPTIONS"));
        assertEquals(List.of("a=1", "b=2"), headers.values("set-cookie"));
        assertEquals(Optional.of("text/html"), headers.first("Content-Type"), "Node keeps the first Content-Type");
    }

    @Test
    void withReplacesEveryValueOfTheName() {
        ResponseHeaders headers = new ResponseHeaders(List.of(new HeaderField("a", "1"), new HeaderField("A", "2")))
                .with("a", "3");
        assertEquals(List.of("3"), headers.values("a"));
    }

    @Test
    void anEmptyValueIsPresentButNotSet() {
        ResponseHeaders headers = ResponseHeaders.of("X", "");
        assertEquals(Optional.of(""), headers.first("x"));
        assertFalse(headers.isSet("x"));
        assertTrue(new ResponseHeaders(List.of(new HeaderField("x", ""), new HeaderField("x", ""))).isSet("x"),
                "a value delivered as an array is set, like a non-empty JS array");
    }

    @Test
    void namesAndValuesComeInPairs() {
        assertThrows(IllegalArgumentException.class, () -> ResponseHeaders.of("X-Frame-Options"));
    }
}
