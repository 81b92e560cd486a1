package org.secheaders.platform.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;

/** The server modules on the classpath, by id. */
public final class ServerModules {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final List<McpServerModule> modules;

    private ServerModules(List<McpServerModule> modules) {
        Set<String> ids = new HashSet<>();
        for (McpServerModule module : modules) {
            if (!ID.matcher(module.id()).matches()) {
                throw new IllegalStateException("server module " + module.getClass().getName() + " has id '"
                        + module.id() + "'; ids are lower-case words joined by hyphens, e.g. security-analytics");
            }
            if (!ids.add(module.id())) {
                throw new IllegalStateException("two server modules have the id '" + module.id() + "'");
            }
        }
        this.modules = modules.stream().sorted(Comparator.comparing(McpServerModule::id)).toList();
    }

    /** Every module registered through {@code META-INF/services} on the classpath. */
    public static ServerModules discover() {
        List<McpServerModule> found = new ArrayList<>();
        ServiceLoader.load(McpServerModule.class).forEach(found::add);
        return new ServerModules(found);
    }

    public static ServerModules of(List<McpServerModule> modules) {
        return new ServerModules(modules);
    }

    /** Sorted by id, which is also the port order of {@link ServerGroup}. */
    public List<McpServerModule> all() {
        return modules;
    }

    public boolean isEmpty() {
        return modules.isEmpty();
    }

    public List<String> ids() {
        return modules.stream().map(McpServerModule::id).toList();
    }

    public Optional<McpServerModule> find(String id) {
        return modules.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /**
     * The named modules, in the order given.
     *
     * @throws IllegalArgumentException naming the first unknown id and the known ones
     */
    public List<McpServerModule> select(List<String> ids) {
        List<McpServerModule> selected = new ArrayList<>();
        for (String id : ids) {
            McpServerModule module = find(id).orElseThrow(() -> new IllegalArgumentException(
                    "no server module '" + id + "'" + (modules.isEmpty() ? " (none are installed)" : "; known: "
                            + String.join(", ", ids()))));
            if (!selected.contains(module)) {
                selected.add(module);
            }
        }
        return List.copyOf(selected);
    }
}
