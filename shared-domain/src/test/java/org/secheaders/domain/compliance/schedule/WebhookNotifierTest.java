package org.secheaders.domain.compliance.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceEvent;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.DeliveryState;
import org.secheaders.domain.model.SecuritySeverity;

class WebhookNotifierTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String SECRET = "whsec-test-0123456789";
    private static final ComplianceEvent EVENT = new ComplianceEvent(42, 7, ComplianceFramework.OWASP, "ASVS-V3.4.1",
            "HSTS with a long max-age", CheckResult.PASS, CheckResult.FAIL, SecuritySeverity.HIGH,
            "Send Strict-Transport-Security: max-age=31536000; includeSubDomains", NOW.minusSeconds(5),
            DeliveryState.PENDING, 0, Optional.empty(), Optional.empty(), Optional.empty());

    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stop() throws Exception {
        receiver.close();
    }

    private WebhookNotifier notifier(Optional<String> secret, Duration timeout, int tries) {
        return new WebhookNotifier(new WebhookSettings(receiver.url(), secret, timeout, tries, Duration.ofMillis(20)), CLOCK);
    }

    @Test
    void postsTheEventWithItsRemediationSignedOverTimestampAndBody() throws Exception {
        WebhookNotifier.Delivery delivery = notifier(Optional.of(SECRET), Duration.ofSeconds(5), 3)
                .post(WebhookPayload.of(EVENT, "acme"));

        assertEquals(new WebhookNotifier.Delivery(true, 1, Optional.empty()), delivery);
        WebhookReceiver.Post post = receiver.posts().get(0);
        assertEquals("application/json", post.contentType());
        assertEquals(Optional.of("42"), post.eventId());
        assertEquals(Optional.of(Long.toString(NOW.getEpochSecond())), post.timestamp());
        assertTrue(WebhookSignature.verify(SECRET, NOW.getEpochSecond(), post.body(), post.signature().orElseThrow()),
                "the receiver's own HMAC-SHA256 check accepts the post");
        assertFalse(WebhookSignature.verify("another-secret", NOW.getEpochSecond(), post.body(), post.signature().get()));
        assertFalse(WebhookSignature.verify(SECRET, NOW.getEpochSecond() + 1, post.body(), post.signature().get()),
                "the timestamp is signed");

        JsonNode body = new ObjectMapper().readTree(post.body());
        assertEquals("compliance.regression", body.get("type").asText());
        assertEquals(42, body.get("id").asLong());
        assertEquals("acme", body.at("/tenant/slug").asText());
        assertEquals("owasp", body.get("framework").asText());
        assertEquals("ASVS-V3.4.1", body.at("/control/id").asText());
        assertEquals("pass", body.get("before").asText());
        assertEquals("fail", body.get("after").asText());
        assertEquals("high", body.get("severity").asText());
        assertEquals(EVENT.remediation(), body.get("remediation").asText());
        assertEquals("2026-03-01T09:59:55Z", body.get("detected_at").asText());
    }

    @Test
    void withoutASecretThereIsNoSignatureHeader() {
        assertTrue(notifier(Optional.empty(), Duration.ofSeconds(5), 1).post(WebhookPayload.of(EVENT, "acme")).delivered());
        assertEquals(Optional.empty(), receiver.posts().get(0).signature());
    }

    @Test
    void retriesAfterServerErrorsAndRateLimitsThenDelivers() {
        receiver.answer(500, 429);

        WebhookNotifier.Delivery delivery = notifier(Optional.of(SECRET), Duration.ofSeconds(5), 3)
                .post(WebhookPayload.of(EVENT, "acme"));

        assertEquals(new WebhookNotifier.Delivery(true, 3, Optional.empty()), delivery);
        assertEquals(3, receiver.posts().size());
    }

    @Test
    void givesUpAfterItsTriesNamingTheLastAnswer() {
        receiver.answer(503, 503, 503);

        WebhookNotifier.Delivery delivery = notifier(Optional.empty(), Duration.ofSeconds(5), 2)
                .post(WebhookPayload.of(EVENT, "acme"));

        assertFalse(delivery.delivered());
        assertEquals(2, delivery.attempts());
        assertEquals("HTTP 503 from " + receiver.url(), delivery.error().orElseThrow());
    }

    @Test
    void aRefusalIsNotRetried() {
        receiver.answer(404);

        WebhookNotifier.Delivery delivery = notifier(Optional.empty(), Duration.ofSeconds(5), 3)
                .post(WebhookPayload.of(EVENT, "acme"));

        assertEquals(new WebhookNotifier.Delivery(false, 1, Optional.of("HTTP 404 from " + receiver.url())), delivery);
    }

    @Test
    void aSlowReceiverTimesOutAndTheRetryGetsThrough() {
        receiver.answer(-2_000);

        long started = System.nanoTime();
        WebhookNotifier.Delivery delivery = notifier(Optional.empty(), Duration.ofMillis(300), 2)
                .post(WebhookPayload.of(EVENT, "acme"));

        assertEquals(new WebhookNotifier.Delivery(true, 2, Optional.empty()), delivery);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(1_900)) < 0,
                "the first post was abandoned at the timeout instead of waiting for the slow answer");
    }

    @Test
    void anUnreachableReceiverIsAnOutcomeNotAnException() throws Exception {
        URI closed = receiver.url();
        receiver.close();

        WebhookNotifier.Delivery delivery = new WebhookNotifier(
                new WebhookSettings(closed, Optional.empty(), Duration.ofSeconds(1), 2, Duration.ZERO), CLOCK)
                .post(WebhookPayload.of(EVENT, "acme"));

        assertFalse(delivery.delivered());
        assertEquals(2, delivery.attempts());
        assertTrue(delivery.error().orElseThrow().contains("ConnectException"), delivery.error().get());
    }

    @Test
    void settingsRefuseWhatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSettings.of(URI.create("ftp://example.com/x"), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> WebhookSettings.of(URI.create("/relative"), Optional.empty()));
        assertFalse(WebhookSettings.of(URI.create("https://hooks.example.com/c"), Optional.of(SECRET)).toString()
                .contains(SECRET));
    }
}
