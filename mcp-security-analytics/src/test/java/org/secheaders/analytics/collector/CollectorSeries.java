package org.secheaders.analytics.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.testkit.RawHttp;

/** The collector's series on a server's Prometheus {@code /metrics}. */
final class CollectorSeries {
    private CollectorSeries() {
    }

    /**
     * The {@code csp_collector_*} series by name and labels (the common {@code mcp_server} label left
     * out), once {@code done} holds or after 10 s (the worker stores in the background).
     */
    static Map<String, Double> await(RunningServer server, Predicate<Map<String, Double>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            HttpResponse<String> scrape = RawHttp.get(server.baseUri().resolve("/metrics"), Map.of());
            assertEquals(200, scrape.statusCode());
            Map<String, Double> series = new TreeMap<>();
            for (String line : scrape.body().split("\n")) {
                if (line.startsWith("csp_collector_")) {
                    int space = line.lastIndexOf(' ');
                    String name = line.substring(0, space).replaceAll("mcp_server=\"[^\"]*\",?", "")
                            .replace("{}", "").replace(",}", "}");
                    series.put(name, Double.parseDouble(line.substring(space + 1)));
                }
            }
            if (done.test(series) || System.nanoTime() > deadline) {
                return series;
            }
            Thread.sleep(100);
        }
    }
}
