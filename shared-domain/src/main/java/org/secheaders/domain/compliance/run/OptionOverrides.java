package org.secheaders.domain.compliance.run;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.secheaders.domain.compliance.AsvsVersion;
import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.ResponseProfile;

/**
 * Per-request replacements for a tenant's evaluation settings (e.g. a tool's {@code asvs_version}
 * and {@code asvs_level} arguments); what is empty keeps the tenant's choice.
 *
 * @param profile what the judged response is (sensitive, API, logout); default an ordinary page
 */
public record OptionOverrides(Optional<AsvsVersion> asvsVersion, OptionalInt asvsLevel,
                              Optional<ResponseProfile> profile) {

    private static final OptionOverrides NONE = new OptionOverrides(Optional.empty(), OptionalInt.empty(), Optional.empty());

    public OptionOverrides {
        Objects.requireNonNull(asvsVersion, "asvsVersion");
        Objects.requireNonNull(asvsLevel, "asvsLevel");
        Objects.requireNonNull(profile, "profile");
        if (asvsLevel.isPresent() && (asvsLevel.getAsInt() < 1 || asvsLevel.getAsInt() > 3)) {
            throw new IllegalArgumentException("asvs_level must be 1, 2 or 3, was " + asvsLevel.getAsInt());
        }
    }

    public static OptionOverrides none() {
        return NONE;
    }

    public static OptionOverrides asvs(Optional<AsvsVersion> version, OptionalInt level) {
        return new OptionOverrides(version, level, Optional.empty());
    }

    public OptionOverrides withProfile(ResponseProfile newProfile) {
        return new OptionOverrides(asvsVersion, asvsLevel, Optional.of(newProfile));
    }

    /** {@code options} with the present overrides applied. */
    public EvaluationOptions applyTo(EvaluationOptions options) {
        return new EvaluationOptions(asvsVersion.orElse(options.asvsVersion()),
                asvsLevel.orElse(options.asvsLevel()), options.tenant());
    }
}
