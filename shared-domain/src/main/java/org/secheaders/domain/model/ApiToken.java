package org.secheaders.domain.model;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bearer token for the HTTP transports. Only the SHA-256 of the secret is stored (see
 * {@link ApiTokens}); {@code tokenPrefix} is the first characters of the secret, shown in
 * listings so a user can tell tokens apart.
 *
 * @param tenantId the tenant the token acts for; required for {@link Role#TENANT_ADMIN},
 *                 empty for platform roles acting across tenants
 */
public record ApiToken(
        long id,
        String name,
        String tokenHash,
        String tokenPrefix,
        Role role,
        Optional<Long> tenantId,
        Instant createdAt,
        Optional<Instant> expiresAt,
        Optional<Instant> lastUsedAt,
        Optional<Instant> revokedAt) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** Not revoked and not expired at {@code now}. */
    public boolean isUsableAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }

    /** A token to store; build the hash and prefix with {@link ApiTokens#generate()}. */
    public record Draft(
            String name,
            String tokenHash,
            String tokenPrefix,
            Role role,
            Optional<Long> tenantId,
            Optional<Instant> expiresAt) {

        public Draft {
            Values.requireText(name, "name");
            if (tokenHash == null || !SHA256_HEX.matcher(tokenHash).matches()) {
                // Guards against storing the secret itself by mistake.
                throw new IllegalArgumentException("token_hash must be a lower-case SHA-256 hex digest");
            }
            Values.requireText(tokenPrefix, "token_prefix");
            Values.require(role, "role");
            Values.require(tenantId, "tenant_id");
            Values.require(expiresAt, "expires_at");
            if (role == Role.TENANT_ADMIN && tenantId.isEmpty()) {
                throw new IllegalArgumentException("tenant_id is required for role tenant_admin");
            }
        }
    }
}
