package org.secheaders.platform.cli;

import java.time.Instant;
import java.util.Optional;
import org.secheaders.platform.admin.TokenService;

/** A token in JSON output; {@code secret} only in the answer to {@code token create}. */
record TokenRow(long id, String name, String prefix, String role, Optional<String> tenant, Instant createdAt,
        Optional<Instant> lastUsedAt, Optional<Instant> expiresAt, Optional<Instant> revokedAt, Optional<String> secret) {

    static TokenRow of(TokenService.TokenView view) {
        var token = view.token();
        return new TokenRow(token.id(), token.name(), token.tokenPrefix(), token.role().wireName(), view.tenantSlug(),
                token.createdAt(), token.lastUsedAt(), token.expiresAt(), token.revokedAt(), Optional.empty());
    }

    TokenRow withSecret(String value) {
        return new TokenRow(id, name, prefix, role, tenant, createdAt, lastUsedAt, expiresAt, revokedAt, Optional.of(value));
    }
}
