package org.secheaders.domain.report;

import java.util.Objects;
import java.util.Optional;

/**
 * What the caller knows about the sender. The client key (e.g. the remote address) is only hashed with a
 * per-process salt to count distinct clients; it is never kept. The user agent is reduced before use.
 */
public record ClientInfo(Optional<String> userAgent, Optional<String> clientKey) {
    private static final ClientInfo NONE = new ClientInfo(Optional.empty(), Optional.empty());

    public ClientInfo {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(clientKey, "clientKey");
    }

    public static ClientInfo none() {
        return NONE;
    }

    public static ClientInfo of(String userAgent, String clientKey) {
        return new ClientInfo(Optional.ofNullable(userAgent), Optional.ofNullable(clientKey));
    }
}
