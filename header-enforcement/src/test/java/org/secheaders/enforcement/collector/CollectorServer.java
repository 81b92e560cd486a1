package org.secheaders.enforcement.collector;

import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.policy.PlatformPolicy;

/**
 * A real Jetty 12 on 127.0.0.1 (ephemeral ports) with the collector's servlet at
 * {@code /csp-report/*} (tenant slug in the path), optional extra servlets, and optionally a TLS
 * connector next to the plain one.
 */
final class CollectorServer implements AutoCloseable {
    static final String REPORT_PATH = "/csp-report";

    private final Server jetty;
    private final ReportCollector collector;
    private final ServerConnector http;
    private final Optional<ServerConnector> https;

    private CollectorServer(Server jetty, ReportCollector collector, ServerConnector http,
                            Optional<ServerConnector> https) {
        this.jetty = jetty;
        this.collector = collector;
        this.http = http;
        this.https = https;
    }

    static Builder builder(Database database, CollectorConfig config) {
        return new Builder(database, config);
    }

    ReportCollector collector() {
        return collector;
    }

    URI httpUri(String path) {
        return URI.create("http://127.0.0.1:" + http.getLocalPort() + path);
    }

    URI httpsUri(String path) {
        return URI.create("https://127.0.0.1:" + https.orElseThrow().getLocalPort() + path);
    }

    URI reportUri(String slug) {
        return httpUri(REPORT_PATH + "/" + slug);
    }

    /** Stops Jetty, then the collector (which stores what is queued). */
    @Override
    public void close() throws Exception {
        try {
            jetty.stop();
        } finally {
            collector.close();
        }
    }

    static final class Builder {
        private final Database database;
        private final CollectorConfig config;
        private final Map<String, HttpServlet> servlets = new LinkedHashMap<>();
        private Optional<Path> keyStore = Optional.empty();
        private String keyStorePassword = "";

        private Builder(Database database, CollectorConfig config) {
            this.database = database;
            this.config = config;
        }

        Builder servlet(String pathSpec, HttpServlet servlet) {
            servlets.put(pathSpec, servlet);
            return this;
        }

        Builder tls(Path pkcs12, String password) {
            keyStore = Optional.of(pkcs12);
            keyStorePassword = password;
            return this;
        }

        CollectorServer start() throws Exception {
            ReportCollector collector = ReportCollector.start(config, database,
                    new DatabaseTenantDirectory(database, PlatformPolicy.defaults()));
            try {
                return start(collector);
            } catch (Exception e) {
                collector.close();
                throw e;
            }
        }

        private CollectorServer start(ReportCollector collector) throws Exception {
            Server jetty = new Server();
            HttpConfiguration httpConfig = new HttpConfiguration();
            httpConfig.setSendServerVersion(false);
            ServerConnector http = new ServerConnector(jetty, new HttpConnectionFactory(httpConfig));
            http.setHost("127.0.0.1");
            jetty.addConnector(http);
            Optional<ServerConnector> https = keyStore.map(path -> TestTls.jettyConnector(jetty, httpConfig, path,
                    keyStorePassword));
            https.ifPresent(jetty::addConnector);

            ServletContextHandler context = new ServletContextHandler();
            context.setContextPath("/");
            context.addServlet(new ServletHolder(new CspReportServlet(collector, ReportTenantResolver.pathSlug())),
                    REPORT_PATH + "/*");
            servlets.forEach((pathSpec, servlet) -> context.addServlet(new ServletHolder(servlet), pathSpec));
            jetty.setHandler(context);
            jetty.start();
            return new CollectorServer(jetty, collector, http, https);
        }
    }
}
