package org.secheaders.platform.auth;

import java.util.Optional;

/**
 * Resolves a bearer token to its identity; empty when the token is unknown, expired or revoked.
 * Implementations compare digests ({@link TokenDigest}), never raw tokens.
 */
@FunctionalInterface
public interface TokenAuthenticator {

    Optional<Identity> authenticate(String bearerToken);
}
