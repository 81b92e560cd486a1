package org.secheaders.platform.transport;

import java.util.Collection;
import java.util.List;
import org.eclipse.jetty.http.pathmap.ServletPathSpec;

/** A set of servlet path specs ({@code /health}, {@code /csp-report/*}) that a filter leaves alone. */
final class PathSpecs {

    private final List<ServletPathSpec> specs;

    PathSpecs(Collection<String> specs) {
        this.specs = specs.stream().map(ServletPathSpec::new).toList();
    }

    boolean matches(String requestUri) {
        return specs.stream().anyMatch(spec -> spec.matches(requestUri));
    }
}
