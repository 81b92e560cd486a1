package org.secheaders.domain.compliance.schedule;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts non-compliance events to the configured webhook with the JDK HTTP client: one delivery is
 * up to {@link WebhookSettings#tries()} posts, retried after connection errors, timeouts, 408, 429
 * and 5xx answers with a doubling backoff; other answers are final. It never throws for the
 * receiver's faults: the outcome says what happened.
 */
public final class WebhookNotifier {

    /** The outcome of one delivery. @param attempts posts made; @param error why the last one failed */
    public record Delivery(boolean delivered, int attempts, Optional<String> error) {
    }

    private final WebhookSettings settings;
    private final HttpClient client;
    private final Clock clock;

    public WebhookNotifier(WebhookSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public WebhookSettings settings() {
        return settings;
    }

    public Delivery post(WebhookPayload payload) {
        byte[] body = payload.toJson();
        String error = "";
        for (int attempt = 1; attempt <= settings.tries(); attempt++) {
            if (attempt > 1 && !pause(settings.backoff().multipliedBy(1L << (attempt - 2)))) {
                return new Delivery(false, attempt - 1, Optional.of(error + " (interrupted before retrying)"));
            }
            try {
                HttpResponse<Void> response = client.send(request(payload.id(), body), HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new Delivery(true, attempt, Optional.empty());
                }
                error = "HTTP " + status + " from " + settings.url();
                if (!retryable(status)) {
                    return new Delivery(false, attempt, Optional.of(error));
                }
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + " posting to " + settings.url()
                        + Optional.ofNullable(e.getMessage()).map(m -> ": " + m).orElse("");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Delivery(false, attempt, Optional.of("interrupted posting to " + settings.url()));
            }
        }
        return new Delivery(false, settings.tries(), Optional.of(error));
    }

    private HttpRequest request(long eventId, byte[] body) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.EVENT_ID_HEADER, Long.toString(eventId))
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        settings.secret().ifPresent(secret ->
                request.header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body)));
        return request.build();
    }

    /** Busy or broken receivers may recover; a 4xx other than these means the request itself is refused. */
    private static boolean retryable(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private static boolean pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
