package org.secheaders.domain.scan;

import static org.secheaders.domain.scan.NotEvaluatedReason.TIMEOUT;
import static org.secheaders.domain.scan.NotEvaluatedReason.TLS_ERROR;
import static org.secheaders.domain.scan.NotEvaluatedReason.UNREACHABLE;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.secheaders.domain.grading.HeaderField;

/** Sends one GET within the scan's limits and turns every network failure into a {@link ScanAbort}. */
final class Fetcher {
    /** What a browser navigating to a page sends (the Observatory's value). */
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");

    private final HttpClient client;
    private final ScanLimits limits;
    private final String userAgent;

    Fetcher(ScannerSettings settings) {
        this.limits = settings.limits();
        this.userAgent = settings.userAgent();
        this.client = HttpClient.newBuilder()
                // Redirects are followed by hand: each hop is recorded and checked against the target policy.
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/2 would add an h2c upgrade offer to every http:// request, which some servers refuse.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(limits.requestTimeout())
                .sslContext(settings.sslContext())
                .build();
    }

    /**
     * GETs {@code url} with the scanner's {@code User-Agent} and {@code Accept} plus
     * {@code extraHeaders}, reading at most {@code bodyLimit} bytes of an HTML body and none of
     * any other body. The request timeout covers the body too, and is cut short by the deadline.
     */
    FetchedResponse get(URI url, List<HeaderField> extraHeaders, int bodyLimit, Deadline deadline)
            throws ScanAbort, InterruptedException {
        if (Thread.interrupted()) {
            // A cancelled scan sends nothing more; a future that completes fast would not notice.
            throw new InterruptedException("scan interrupted before requesting " + url);
        }
        Duration remaining = deadline.remaining();
        String total = Deadline.describe(limits.totalTimeout());
        if (remaining.isNegative() || remaining.isZero()) {
            throw new ScanAbort(TIMEOUT, "scan time limit of " + total + " reached before requesting " + url);
        }
        boolean deadlineBinds = remaining.compareTo(limits.requestTimeout()) < 0;
        Duration timeout = deadlineBinds ? remaining : limits.requestTimeout();
        String timeoutMessage = deadlineBinds ? "scan time limit of " + total + " reached while fetching " + url
                : "no complete response from " + url + " within " + Deadline.describe(timeout);

        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT);
        extraHeaders.forEach(header -> request.header(header.name(), header.value()));
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request.build(),
                info -> new BodyPrefixSubscriber(readsBody(info) ? bodyLimit : 0));
        try {
            HttpResponse<byte[]> response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return new FetchedResponse(url, response.statusCode(), lines(response.headers()),
                    new String(response.body(), charset(response.headers())));
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new ScanAbort(TIMEOUT, timeoutMessage);
        } catch (ExecutionException e) {
            throw failure(url, e.getCause(), timeoutMessage);
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        }
    }

    private static boolean readsBody(HttpResponse.ResponseInfo info) {
        return !FetchedResponse.isRedirect(info.statusCode()) && HTML_TYPES.contains(mediaType(info.headers()));
    }

    private static String mediaType(HttpHeaders headers) {
        return headers.firstValue("Content-Type").map(value -> value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                .orElse("");
    }

    /** The {@code charset} parameter when the JDK knows it, otherwise UTF-8 (tags are ASCII either way). */
    private static Charset charset(HttpHeaders headers) {
        String contentType = headers.firstValue("Content-Type").orElse("");
        for (String parameter : contentType.split(";")) {
            String[] nameAndValue = parameter.strip().split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].strip().equalsIgnoreCase("charset")) {
                String name = nameAndValue[1].strip().replace("\"", "");
                try {
                    return Charset.isSupported(name) ? Charset.forName(name) : StandardCharsets.UTF_8;
                } catch (IllegalCharsetNameException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static List<HeaderField> lines(HttpHeaders headers) {
        List<HeaderField> lines = new ArrayList<>();
        headers.map().forEach((name, values) -> values.forEach(value -> lines.add(new HeaderField(name, value))));
        return lines;
    }

    /** The most specific cause decides: the JDK wraps an unknown host in a ConnectException, for one. */
    private static ScanAbort failure(URI url, Throwable error, String timeoutMessage) {
        String authority = url.getAuthority();
        if (cause(error, HttpTimeoutException.class).isPresent()) {
            return new ScanAbort(TIMEOUT, timeoutMessage);
        }
        Optional<SSLException> tls = cause(error, SSLException.class);
        if (tls.isPresent()) {
            return new ScanAbort(TLS_ERROR, "TLS with " + authority + " failed: " + describe(tls.get()));
        }
        if (cause(error, UnresolvedAddressException.class).isPresent()
                || cause(error, UnknownHostException.class).isPresent()) {
            return new ScanAbort(UNREACHABLE, "host " + url.getHost() + " not found");
        }
        Optional<ConnectException> refused = cause(error, ConnectException.class);
        if (refused.isPresent()) {
            return new ScanAbort(UNREACHABLE, "could not connect to " + authority
                    + Optional.ofNullable(refused.get().getMessage()).map(m -> ": " + m).orElse(" (connection refused)"));
        }
        if (cause(error, IOException.class).isEmpty()) {
            throw new IllegalStateException("unexpected failure fetching " + url, error);
        }
        return new ScanAbort(UNREACHABLE, "no usable HTTP response from " + url + ": " + describe(error));
    }

    private static <T extends Throwable> Optional<T> cause(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    private static String describe(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
