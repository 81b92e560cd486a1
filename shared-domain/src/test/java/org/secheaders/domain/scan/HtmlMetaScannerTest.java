package org.secheaders.domain.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.secheaders.domain.grading.ResponseHeaders;

class HtmlMetaScannerTest {
    private static final String CSP = "content-security-policy";
    private static final String REFERRER = "referrer-policy";

    @Test
    void collectsEveryCspMetaInOrder() {
        ResponseHeaders found = HtmlMetaScanner.policies("""
                <head><meta http-equiv="Content-Security-Policy" content="default-src 'self'">
                <meta content='object-src &apos;none&apos;' http-equiv=content-security-policy /></head>""");
        assertEquals(List.of("default-src 'self'", "object-src 'none'"), found.values(CSP));
    }

    @Test
    void keepsTheLastReferrerMeta() {
        ResponseHeaders found = HtmlMetaScanner.policies(
                "<meta name=referrer content=unsafe-url><meta NAME=' Referrer ' content=\"no-referrer\">");
        assertEquals(List.of("no-referrer"), found.values(REFERRER));
    }

    @Test
    void skipsEmptyContentAndOtherHttpEquivs() {
        ResponseHeaders found = HtmlMetaScanner.policies("""
                <meta http-equiv="Content-Security-Policy" content="">
                <meta http-equiv="refresh" content="0; url=/x">
                <meta http-equiv="Referrer-Policy" content="unsafe-url">
                <meta name="referrer" content="">""");
        assertEquals(ResponseHeaders.empty(), found);
    }

    @Test
    void aMetaWithHttpEquivIsNeverAReferrerMeta() {
        // The Observatory checks http-equiv first and reads name="referrer" only without it.
        assertEquals(List.of(), HtmlMetaScanner.policies(
                "<meta http-equiv=x name=referrer content=no-referrer>").values(REFERRER));
    }

    @Test
    void ignoresMetasInCommentsScriptsStylesTextareasAndTitles() {
        ResponseHeaders found = HtmlMetaScanner.policies("""
                <!-- <meta http-equiv="Content-Security-Policy" content="a"> -->
                <script type="module">let s = '<meta http-equiv="Content-Security-Policy" content="b">';</script>
                <STYLE>/* <meta http-equiv="Content-Security-Policy" content="c"> */</STYLE>
                <textarea><meta http-equiv="Content-Security-Policy" content="d"></textarea>
                <title><meta name="referrer" content="unsafe-url"></title>
                <meta http-equiv="Content-Security-Policy" content="e">""");
        assertEquals(List.of("e"), found.values(CSP));
        assertEquals(List.of(), found.values(REFERRER));
    }

    @Test
    void theFirstOfARepeatedAttributeWins() {
        assertEquals(List.of("first"), HtmlMetaScanner.policies(
                "<meta http-equiv=Content-Security-Policy content=first content=second>").values(CSP));
    }

    @Test
    void aMetaInsideAnotherTagsAttributeIsNotATag() {
        assertEquals(List.of(), HtmlMetaScanner.policies(
                "<div title='<meta http-equiv=Content-Security-Policy content=x>'></div>").values(CSP));
    }

    @Test
    void survivesTruncatedMarkup() {
        assertEquals(List.of(), HtmlMetaScanner.policies("<meta http-equiv=\"Content-Security-Policy\" content=\"def")
                .values("x"));
        assertEquals(ResponseHeaders.empty(), HtmlMetaScanner.policies("<script>never closed <meta name=referrer content=x>"));
        assertEquals(ResponseHeaders.empty(), HtmlMetaScanner.policies("<!-- never closed"));
        assertEquals(ResponseHeaders.empty(), HtmlMetaScanner.policies("<"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "&#39;self&#39;      | 'self'",
        "&#x27;none&#X27;    | 'none'",
        "a &amp; b &lt; c    | a & b < c",
        "&copy; &unknown;    | &copy; &unknown;",
        "&#0; &#x110000; &#; | &#0; &#x110000; &#;",
        "&amp                | &amp",
    })
    void decodesNumericAndXmlReferencesOnly(String raw, String decoded) {
        assertEquals(decoded, HtmlMetaScanner.decodeReferences(raw));
    }

    @Test
    void runsInLinearTimeOnHostileInput() {
        String hostile = "<meta a=&".repeat(30_000) + "&".repeat(100_000) + "<!--".repeat(30_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> HtmlMetaScanner.policies(hostile));
    }
}
