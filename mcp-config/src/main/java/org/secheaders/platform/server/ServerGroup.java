package org.secheaders.platform.server;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.secheaders.platform.config.ConfigException;
import org.secheaders.platform.config.ConfigKey;
import org.secheaders.platform.config.PlatformConfig;

/**
 * Several server modules served over HTTP from one process, each on its own port: the configured
 * port for the first, then the next ports in turn, or a free port each when the port is 0.
 */
public final class ServerGroup implements AutoCloseable {

    /** One started server and where its clients connect. */
    public record Member(McpServerModule module, RunningServer server, URI endpoint) {
    }

    private final List<Member> members;

    private ServerGroup(List<Member> members) {
        this.members = List.copyOf(members);
    }

    /**
     * Starts every module in order; if one fails, the ones already started are stopped again.
     *
     * @throws ConfigException when the ports would run past 65535
     */
    public static ServerGroup startHttp(List<McpServerModule> modules, PlatformConfig config) throws Exception {
        if (config.port() != 0 && config.port() + modules.size() - 1 > 65_535) {
            throw new ConfigException(ConfigKey.PORT.flag() + "=" + config.port() + " leaves no room for "
                    + modules.size() + " servers on consecutive ports");
        }
        List<Member> started = new ArrayList<>();
        try {
            for (McpServerModule module : modules) {
                PlatformConfig own = config.port() == 0 ? config : config.withPort(config.port() + started.size());
                RunningServer server = ServerRuntime.startHttp(module.factory().create(own), own);
                started.add(new Member(module, server, server.baseUri().resolve(config.transport().clientPath())));
            }
        } catch (Exception | Error e) {
            new ServerGroup(started).close();
            throw e;
        }
        return new ServerGroup(started);
    }

    public List<Member> members() {
        return members;
    }

    /** Blocks until every server has been stopped. */
    public void awaitShutdown() throws InterruptedException {
        for (Member member : members) {
            member.server().awaitShutdown();
        }
    }

    /** Stops the servers, last started first. */
    @Override
    public void close() {
        for (int i = members.size() - 1; i >= 0; i--) {
            members.get(i).server().close();
        }
    }
}
