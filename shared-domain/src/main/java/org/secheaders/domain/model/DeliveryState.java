package org.secheaders.domain.model;

/** Where a non-compliance event stands with the configured webhook. */
public enum DeliveryState {
    /** Not delivered yet: no webhook configured, not attempted yet, or being posted now. */
    PENDING,
    /** The webhook answered 2xx. */
    DELIVERED,
    /** The latest attempt failed; later scheduler ticks retry until the attempt limit. */
    FAILED;

    /** The lower-case wire/database name. */
    public String wireName() {
        return WireEnums.wireName(this);
    }

    public static DeliveryState fromWire(String value) {
        return WireEnums.parse(DeliveryState.class, value, "delivery_state");
    }
}
