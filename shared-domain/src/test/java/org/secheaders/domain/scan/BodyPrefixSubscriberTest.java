package org.secheaders.domain.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class BodyPrefixSubscriberTest {

    /** Records what the subscriber asks of its publisher. */
    private static final class RecordingSubscription implements Flow.Subscription {
        long requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] body(BodyPrefixSubscriber subscriber) {
        return subscriber.getBody().toCompletableFuture().getNow(null);
    }

    @Test
    void keepsTheFirstBytesAcrossBuffersAndCancelsAtTheLimit() {
        BodyPrefixSubscriber subscriber = new BodyPrefixSubscriber(5);
        RecordingSubscription subscription = new RecordingSubscription();
        subscriber.onSubscribe(subscription);
        subscriber.onNext(List.of(bytes("ab"), bytes("c")));
        subscriber.onNext(List.of(bytes("defgh")));
        subscriber.onNext(List.of(bytes("late")));

        assertArrayEquals("abcde".getBytes(StandardCharsets.US_ASCII), body(subscriber));
        assertTrue(subscription.cancelled);
        assertEquals(2, subscription.requested);
    }

    @Test
    void aShortBodyIsReadToTheEnd() {
        BodyPrefixSubscriber subscriber = new BodyPrefixSubscriber(100);
        RecordingSubscription subscription = new RecordingSubscription();
        subscriber.onSubscribe(subscription);
        subscriber.onNext(List.of(bytes("short")));
        subscriber.onComplete();

        assertArrayEquals("short".getBytes(StandardCharsets.US_ASCII), body(subscriber));
        assertEquals(false, subscription.cancelled);
    }

    @Test
    void aLimitOfZeroReadsNothing() {
        BodyPrefixSubscriber subscriber = new BodyPrefixSubscriber(0);
        RecordingSubscription subscription = new RecordingSubscription();
        subscriber.onSubscribe(subscription);

        assertArrayEquals(new byte[0], body(subscriber));
        assertTrue(subscription.cancelled);
        assertEquals(0, subscription.requested);
    }
}
