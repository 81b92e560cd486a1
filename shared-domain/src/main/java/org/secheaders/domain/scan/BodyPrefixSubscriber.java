package org.secheaders.domain.scan;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the first {@code limit} bytes of a body and then cancels the subscription, which makes
 * the client close the connection instead of downloading the rest. A limit of 0 reads nothing.
 */
final class BodyPrefixSubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final int limit;
    private final ByteArrayOutputStream prefix = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    BodyPrefixSubscriber(int limit) {
        this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        subscription = newSubscription;
        if (limit == 0) {
            finishEarly();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return; // signals may still arrive after cancel
        }
        for (ByteBuffer buffer : buffers) {
            int take = Math.min(buffer.remaining(), limit - prefix.size());
            byte[] bytes = new byte[take];
            buffer.get(bytes);
            prefix.write(bytes, 0, take);
            if (prefix.size() == limit) {
                finishEarly();
                return;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        body.complete(prefix.toByteArray());
    }

    private void finishEarly() {
        subscription.cancel();
        body.complete(prefix.toByteArray());
    }
}
