package org.secheaders.domain.report;

import java.util.Locale;
import java.util.Optional;
import org.secheaders.domain.model.WireEnums;

/** Whether the violated policy was enforced; Safari 14.1 sent none, hence UNKNOWN. */
public enum Disposition {
    ENFORCE, REPORT, UNKNOWN;

    public String wireName() {
        return WireEnums.wireName(this);
    }

    static Disposition parse(Optional<String> raw) {
        return switch (raw.map(s -> s.strip().toLowerCase(Locale.ROOT)).orElse("")) {
            case "enforce" -> ENFORCE;
            case "report" -> REPORT;
            default -> UNKNOWN;
        };
    }
}
