package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EnglishCollationOrderTest {
    private final EnglishCollationOrder order = EnglishCollationOrder.INSTANCE;

    @Test
    void sortsPrintableAsciiAsIntlCollatorEnDoes() {
        // new Intl.Collator("en").compare on Node 20 (ICU 78) sorts the printable ASCII characters so:
        String icu = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ";
        List<String> characters = IntStream.range(0x20, 0x7F).mapToObj(c -> String.valueOf((char) c))
                .collect(Collectors.toCollection(ArrayList::new));
        characters.sort(order);
        assertEquals(icu, String.join("", characters));
    }

    @Test
    void putsColonBeforeDotUnlikeCodePointOrder() {
        assertTrue(order.compare("a.com:8080", "a.com.evil") < 0);
        assertTrue("a.com:8080".compareTo("a.com.evil") > 0);
    }

    @Test
    void ignoresControlCharactersButNotWhitespace() {
        assertEquals(0, order.compare("a\u0001b", "ab"));
        assertTrue(order.compare("a\tb", "ab") < 0);
    }

    @Test
    void letsAPrefixSortFirst() {
        assertTrue(order.compare("https:", "https://a.com") < 0);
    }
}
