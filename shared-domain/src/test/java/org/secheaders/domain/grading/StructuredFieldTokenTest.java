package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StructuredFieldTokenTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", " a ", "a;b", "a; b=1", "a;b=-1.5", "a;b=\"x\\\"y\"", "a;b=:YQ==:", "a;b=?0",
            "a;b=@-12", "a;b=%\"caf%c3%a9\"", "a;*b=c/d:e"})
    void aTokenWithAnyWellFormedParametersIsAToken(String value) {
        assertEquals(Optional.of("a"), StructuredFieldToken.parse(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a\"", "1", "?1", ":YQ==:", "@1700000000", "%\"a\""})
    void otherBareItemsAreNoToken(String value) {
        assertTrue(StructuredFieldToken.parse(value).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a, b", "a b", "a;B=1", "a;b=1.", "a;b=1.2345", "a;b=\"x", "a;b=:a:", "a;b=@1 ",
            "a;b=%\"%C3%A9\"", "a;b=%\"%ff\"", "a;b=?2", "a;=b", "\ta", "1234567890123456"})
    void malformedItemsAreNoToken(String value) {
        assertTrue(StructuredFieldToken.parse(value).isEmpty());
    }
}
