package org.secheaders.domain.report;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Everything a classification rule may look at, with the questions rules ask of it. */
public record ClassificationInput(NormalizedReport report, NoiseVerdict noise, ClassificationContext context) {
    private static final Set<String> SCRIPT_DIRECTIVES =
            Set.of("script-src", "script-src-elem", "script-src-attr", "worker-src");
    /** Directives through which a page can send data out (the Magecart pattern). */
    private static final Set<String> EXFILTRATION_DIRECTIVES = Set.of("connect-src", "img-src", "form-action");

    public ClassificationInput {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(context, "context");
    }

    public boolean isScriptDirective() {
        return SCRIPT_DIRECTIVES.contains(report.directive());
    }

    public boolean isExfiltrationDirective() {
        return EXFILTRATION_DIRECTIVES.contains(report.directive());
    }

    /** The document's own host, or one the tenant listed as first-party. */
    public boolean isFirstParty(SanitizedUri uri) {
        return uri.host().isPresent()
                && (uri.host().equals(report.document().host()) || context.firstPartyHosts().match(uri).isPresent());
    }

    /** First-party or allowed by one of the tenant's policies. */
    public boolean isKnown(SanitizedUri uri) {
        return isFirstParty(uri) || context.policyHosts().match(uri).isPresent();
    }

    /** The code location an eval ran from: the source file, else the document itself. */
    public SanitizedUri codeLocation() {
        return report.sourceFile().orElse(report.document());
    }

    public Optional<String> sampleText() {
        return report.sample().map(Sample::text);
    }
}
