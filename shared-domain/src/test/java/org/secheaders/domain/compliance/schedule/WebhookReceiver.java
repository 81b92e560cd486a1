package org.secheaders.domain.compliance.schedule;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Jetty webhook receiver on 127.0.0.1: records every post with its headers and answers with
 * the queued statuses (then 200); a queued negative status {@code -ms} answers 200 after {@code ms}
 * milliseconds, to provoke client timeouts.
 */
final class WebhookReceiver implements AutoCloseable {

    record Post(byte[] body, Optional<String> signature, Optional<String> timestamp, Optional<String> eventId,
                String contentType) {
    }

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

    private WebhookReceiver() {
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new Receiver()), "/*");
        server.setHandler(context);
    }

    static WebhookReceiver start() throws Exception {
        WebhookReceiver receiver = new WebhookReceiver();
        receiver.server.start();
        return receiver;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/hooks/compliance");
    }

    /** The next posts get these statuses, in order. */
    WebhookReceiver answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
        return this;
    }

    List<Post> posts() {
        return List.copyOf(posts);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private final class Receiver extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            posts.add(new Post(request.getInputStream().readAllBytes(),
                    Optional.ofNullable(request.getHeader(WebhookSignature.SIGNATURE_HEADER)),
                    Optional.ofNullable(request.getHeader(WebhookSignature.TIMESTAMP_HEADER)),
                    Optional.ofNullable(request.getHeader(WebhookSignature.EVENT_ID_HEADER)),
                    request.getContentType()));
            int answer = Optional.ofNullable(answers.poll()).orElse(200);
            if (answer < 0) {
                try {
                    Thread.sleep(-answer);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer = 200;
            }
            response.setStatus(answer);
        }
    }
}
