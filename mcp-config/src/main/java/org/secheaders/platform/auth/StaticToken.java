package org.secheaders.platform.auth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.secheaders.domain.model.Role;

/**
 * A token configured with {@code --token} / {@code SECHEADERS_TOKENS}, written
 * {@code <role>[@<tenant>]:<secret>}, e.g. {@code tenant_admin@7:9f2c…}. Only the digest is kept.
 */
public record StaticToken(TokenDigest digest, Identity identity) {

    /** Short secrets are guessable; 16 characters is the floor, 32 random bytes the advice. */
    public static final int MIN_SECRET_LENGTH = 16;

    public StaticToken {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(identity, "identity");
    }

    /**
     * Parses a token spec. Messages never repeat the secret.
     *
     * @throws IllegalArgumentException naming what is wrong with the spec
     */
    public static StaticToken parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected <role>[@<tenant>]:<secret>");
        }
        String owner = spec.substring(0, colon).trim();
        String secret = spec.substring(colon + 1);
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("secret is shorter than " + MIN_SECRET_LENGTH + " characters");
        }
        int at = owner.indexOf('@');
        Role role = Role.fromWire(at < 0 ? owner : owner.substring(0, at));
        Optional<Long> tenant = at < 0 ? Optional.empty() : Optional.of(parseTenant(owner.substring(at + 1)));
        TokenDigest digest = TokenDigest.of(secret);
        // The subject names the owner and a digest prefix, so logs can tell tokens apart without revealing them.
        String subject = "token:" + owner + ":" + digest.hex().substring(0, 8);
        return new StaticToken(digest, new Identity(subject, role, tenant));
    }

    /** Two tokens with one secret would make the identity depend on list order. */
    public static void requireDistinct(List<StaticToken> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (tokens.get(i).digest().matches(tokens.get(j).digest())) {
                    throw new IllegalArgumentException("token #" + (i + 1) + " repeats the secret of token #" + (j + 1));
                }
            }
        }
    }

    private static long parseTenant(String text) {
        try {
            long tenant = Long.parseLong(text.trim());
            if (tenant > 0) {
                return tenant;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("tenant '" + text + "' is not a positive number");
    }

    @Override
    public String toString() {
        return "StaticToken[" + identity.describe() + "]";
    }
}
