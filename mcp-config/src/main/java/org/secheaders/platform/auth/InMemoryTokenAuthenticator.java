package org.secheaders.platform.auth;

import java.util.List;
import java.util.Optional;

/**
 * Authenticates against a fixed list of {@link StaticToken}s (command line, config, tests).
 * Every stored digest is compared, in constant time, so timing reveals neither a match nor its position.
 */
public final class InMemoryTokenAuthenticator implements TokenAuthenticator {

    private final List<StaticToken> tokens;

    public InMemoryTokenAuthenticator(List<StaticToken> tokens) {
        StaticToken.requireDistinct(tokens);
        this.tokens = List.copyOf(tokens);
    }

    @Override
    public Optional<Identity> authenticate(String bearerToken) {
        TokenDigest presented = TokenDigest.of(bearerToken);
        Identity found = null;
        for (StaticToken token : tokens) {
            if (token.digest().matches(presented)) {
                found = token.identity();
            }
        }
        return Optional.ofNullable(found);
    }
}
