package org.secheaders.domain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllowlistBypassesTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltInListCoversCommonCdns() {
        AllowlistBypasses builtIn = AllowlistBypasses.builtIn();
        assertTrue(SourcePattern.of("https://ajax.googleapis.com").firstMatch(builtIn.angular()).isPresent());
        assertTrue(SourcePattern.of("cdnjs.cloudflare.com").firstMatch(builtIn.angular()).isPresent());
        assertTrue(SourcePattern.of("www.google.com").firstMatch(builtIn.jsonp()).isPresent());
        assertTrue(builtIn.jsonpNeedsEval().contains("www.googletagmanager.com"));
        assertTrue(builtIn.jsonp().size() + builtIn.angular().size() >= 10);
    }

    @Test
    void loadsTheEvaluatorFormatFromADirectory() throws IOException {
        Files.writeString(dir.resolve("x-jsonp.json"), """
                {"needsEval": ["Tags.Example.com"], "urls": ["//tags.example.com/gtm/js", "//a.example.com/cb"]}""");
        Files.writeString(dir.resolve("x-angular.json"), "{\"urls\": [\"//cdn.example.com/angular.js\"]}");
        Files.writeString(dir.resolve("x-flash.json"), "{\"urls\": []}");

        AllowlistBypasses loaded = AllowlistBypasses.load(dir);

        assertEquals(List.of(new AllowlistBypasses.Url("tags.example.com", "/gtm/js"),
                new AllowlistBypasses.Url("a.example.com", "/cb")), loaded.jsonp());
        assertEquals(Set.of("tags.example.com"), loaded.jsonpNeedsEval());
        assertEquals(List.of(new AllowlistBypasses.Url("cdn.example.com", "/angular.js")), loaded.angular());
        assertEquals(List.of(), loaded.flash());
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Files.writeString(dir.resolve("jsonp.json"), "{\"urls\": []}");
        Files.writeString(dir.resolve("angular.json"), "{\"urls\": []}");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> AllowlistBypasses.load(dir));
        assertTrue(e.getMessage().contains("*flash.json"), e.getMessage());
    }

    @Test
    void aFileWithoutAUrlsArrayIsRejected() throws IOException {
        Files.writeString(dir.resolve("jsonp.json"), "{\"urls\": []}");
        Files.writeString(dir.resolve("angular.json"), "{\"list\": []}");
        Files.writeString(dir.resolve("flash.json"), "{\"urls\": [1]}");
        IOException e = assertThrows(IOException.class, () -> AllowlistBypasses.load(dir));
        assertTrue(e.getMessage().contains("angular urls"), e.getMessage());
    }

    @Test
    void urlsAreSplitIntoLowerCaseHostAndPath() {
        assertEquals(new AllowlistBypasses.Url("www.example.com", "/A/b"), AllowlistBypasses.Url.parse("//WWW.example.com/A/b?q=1"));
        assertEquals(new AllowlistBypasses.Url("example.com", "/"), AllowlistBypasses.Url.parse("https://example.com:8443"));
    }

    @Test
    void sourcePatternsIgnoreSchemeAndPort() {
        List<AllowlistBypasses.Url> urls = List.of(AllowlistBypasses.Url.parse("//api.example.com/v1/cb"));
        assertTrue(SourcePattern.of("http://api.example.com:*").firstMatch(urls).isPresent());
        assertTrue(SourcePattern.of("*.example.com/v1/").firstMatch(urls).isPresent());
        assertFalse(SourcePattern.of("*.api.example.com").firstMatch(urls).isPresent());
        assertFalse(SourcePattern.of("example.com").firstMatch(urls).isPresent());
        assertFalse(SourcePattern.of("*").firstMatch(urls).isPresent());
    }
}
