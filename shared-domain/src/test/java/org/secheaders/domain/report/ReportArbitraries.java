package org.secheaders.domain.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators for report fields: realistic values mixed with arbitrary text. */
final class ReportArbitraries {
    private ReportArbitraries() {
    }

    /** URL-shaped text with every part optional, including credentials, ports, queries and fragments. */
    static Arbitrary<String> urlLike() {
        Arbitrary<String> scheme = Arbitraries.of("https://", "http://", "wss://", "HTTPS://", "data:", "blob:https://",
                "chrome-extension://", "about:", "", "//", "javascript:");
        Arbitrary<String> userInfo = Arbitraries.of("", "user:pw@", "@", "a@b@");
        Arbitrary<String> host = Arbitraries.of("example.com", "A.Example.COM.", "[::1]", "10.0.0.1", "localhost",
                "exa mple", "", "x.metrext.com", "js.stripe.com");
        Arbitrary<String> port = Arbitraries.of("", ":443", ":8080", ":99999", ":", ":x");
        Arbitrary<String> rest = Arbitraries.strings().withChars("/?#&=%.aZ:\\@ \t\u202e").ofMaxLength(30);
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(60);
        Arbitrary<String> built = Combinators.combine(scheme, userInfo, host, port, rest)
                .as((s, u, h, p, r) -> s + u + h + p + r);
        return Arbitraries.oneOf(built, built, any);
    }

    static Arbitrary<CspViolationReport> reports() {
        Arbitrary<String> directive = Arbitraries.of("script-src", "script-src-elem", "script-src-attr", "style-src",
                "img-src", "font-src", "connect-src", "form-action", "base-uri", "frame-ancestors", "worker-src",
                "require-trusted-types-for", "default-src");
        Arbitrary<String> blocked = Arbitraries.oneOf(Arbitraries.of("inline", "eval", "wasm-eval", "self", "",
                "trusted-types-sink", "trusted-types-policy", "data", "blob", "about", "moz-extension"), urlLike());
        Arbitrary<String> sample = Arbitraries.oneOf(Arbitraries.of("", "<script>alert(1)", "console.log(1)",
                "Element innerHTML|<img src=x>", "installGlobalHook(window)", "call to eval() or related function"),
                Arbitraries.strings().ofMaxLength(60));
        Arbitrary<String> disposition = Arbitraries.of("enforce", "report", "", "other");
        Arbitrary<String> document = Arbitraries.oneOf(Arbitraries.of("https://www.shop.example.com/checkout?x=1",
                "about:srcdoc", "http://localhost/"), urlLike().filter(s -> !s.isBlank()));
        return Combinators.combine(directive, blocked, sample, disposition, document, urlLike())
                .as((d, b, s, disp, doc, source) -> CspViolationReport.builder(ReportFormat.STRUCTURED)
                        .documentUri(doc).effectiveDirective(d).blockedUri(b).sample(s).disposition(disp)
                        .sourceFile(source).referrer(source).build());
    }

    /** Real report bodies with up to eight bytes overwritten. */
    static Arbitrary<byte[]> mutatedSamples() {
        Arbitrary<byte[]> sample = Arbitraries.of(List.of(ReportSamples.RELAY_REAL, ReportSamples.CHROME_INLINE,
                        ReportSamples.FIREFOX_OLD, ReportSamples.SAFARI_14, ReportSamples.MDN_REPORT_TO,
                        ReportSamples.CHROMIUM_BATCH, ReportSamples.OTHER_TYPES))
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<List<Integer>> positions = Arbitraries.integers().between(0, 100_000).list().ofMaxSize(8);
        Arbitrary<List<Byte>> values = Arbitraries.bytes().list().ofMaxSize(8);
        return Combinators.combine(sample, positions, values).as((bytes, at, value) -> {
            byte[] copy = bytes.clone();
            for (int i = 0; i < Math.min(at.size(), value.size()); i++) {
                copy[at.get(i) % copy.length] = value.get(i);
            }
            return copy;
        });
    }
}
