package org.secheaders.platform.data;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.secheaders.domain.model.ApiToken;
import org.secheaders.domain.model.ApiTokens;
import org.secheaders.domain.repo.ApiTokenRepository;
import org.secheaders.platform.auth.Identity;
import org.secheaders.platform.auth.TokenAuthenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates bearer tokens stored in {@code api_tokens} (created with {@code secheaders token create}).
 * The token is looked up by the SHA-256 of the presented secret; revoked and expired tokens are
 * refused. The last use is recorded off the request thread and at most once per
 * {@link ApiTokenRepository#TOUCH_INTERVAL} per token, so authentication costs one indexed read.
 */
public final class DatabaseTokenAuthenticator implements TokenAuthenticator, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseTokenAuthenticator.class);
    /** Touches waiting beyond this are dropped: a missed last-used time is better than a growing queue. */
    private static final int PENDING_TOUCHES = 256;

    private final ApiTokenRepository tokens;
    private final Clock clock;
    private final Map<Long, Instant> lastTouched = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor toucher;

    public DatabaseTokenAuthenticator(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        this.toucher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(PENDING_TOUCHES), DatabaseTokenAuthenticator::daemon,
                new ThreadPoolExecutor.DiscardPolicy());
    }

    @Override
    public Optional<Identity> authenticate(String bearerToken) {
        Instant now = clock.instant();
        Optional<ApiToken> token = tokens.findByHash(ApiTokens.hash(bearerToken)).filter(t -> t.isUsableAt(now));
        token.ifPresent(t -> recordUse(t.id(), now));
        return token.map(DatabaseTokenAuthenticator::identity);
    }

    /** The subject names the token, e.g. {@code token:ci-deploy#12}, never its secret. */
    static Identity identity(ApiToken token) {
        return new Identity("token:" + token.name() + "#" + token.id(), token.role(), token.tenantId());
    }

    private void recordUse(long tokenId, Instant now) {
        Instant previous = lastTouched.get(tokenId);
        if (previous != null && previous.plus(ApiTokenRepository.TOUCH_INTERVAL).isAfter(now)) {
            return;
        }
        // Two requests racing here both enqueue; the repository's conditional update makes that harmless.
        lastTouched.put(tokenId, now);
        toucher.execute(() -> {
            try {
                tokens.touch(tokenId, now);
            } catch (RuntimeException e) {
                LOG.warn("could not record the use of api token {}", tokenId, e);
            }
        });
    }

    /** Writes the touches still queued, so a clean shutdown loses no last-used time. */
    @Override
    public void close() {
        toucher.shutdown();
        try {
            if (!toucher.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("gave up recording {} api token uses at shutdown", toucher.getQueue().size());
                toucher.shutdownNow();
            }
        } catch (InterruptedException e) {
            toucher.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "api-token-touch");
        thread.setDaemon(true);
        return thread;
    }
}
