package org.secheaders.analytics.service;

import java.util.Optional;
import org.secheaders.domain.model.WireEnums;
import org.secheaders.domain.repo.TimeBucket;
import org.secheaders.domain.repo.ViolationGrouping;

/** What an analysis can break violations down by: a column, or a time bucket. */
public enum Dimension {
    DIRECTIVE(ViolationGrouping.DIRECTIVE),
    HOST(ViolationGrouping.BLOCKED_HOST),
    DOCUMENT(ViolationGrouping.DOCUMENT_URI),
    SEVERITY(ViolationGrouping.SEVERITY),
    CLASSIFICATION(ViolationGrouping.CLASSIFICATION),
    HOUR(TimeBucket.HOUR),
    DAY(TimeBucket.DAY);

    private final Optional<ViolationGrouping> grouping;
    private final Optional<TimeBucket> bucket;

    Dimension(ViolationGrouping grouping) {
        this.grouping = Optional.of(grouping);
        this.bucket = Optional.empty();
    }

    Dimension(TimeBucket bucket) {
        this.grouping = Optional.empty();
        this.bucket = Optional.of(bucket);
    }

    Optional<ViolationGrouping> grouping() {
        return grouping;
    }

    Optional<TimeBucket> bucket() {
        return bucket;
    }

    public String wireName() {
        return WireEnums.wireName(this);
    }
}
