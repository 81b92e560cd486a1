package org.secheaders.enforcement;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.csp.SourceExpression;

/**
 * Development mode of one header service instance: lets a local dev server (e.g. Vite on
 * {@code http://localhost:5173}) load scripts and open its hot-reload websocket. It changes only
 * the CSP this instance emits — never a stored or platform policy — and only loopback origins are
 * accepted, so a dev-mode flag left on in production cannot open the policy to a real host.
 */
public sealed interface DevMode {

    /** The emitted policy with the dev origins added; the input when dev mode is off. */
    CspPolicy apply(CspPolicy policy);

    static DevMode disabled() {
        return Disabled.INSTANCE;
    }

    /** Dev mode allowing the given loopback origins ({@code http[s]://localhost|127.x.x.x|[::1][:port]}). */
    static DevMode enabled(List<String> origins) {
        if (origins.isEmpty()) {
            throw new IllegalArgumentException("dev mode needs at least one dev server origin, e.g. http://localhost:5173");
        }
        return new Enabled(origins.stream().map(Enabled::parseOrigin).toList());
    }

    /** No changes: the production behaviour. */
    enum Disabled implements DevMode {
        INSTANCE;

        @Override
        public CspPolicy apply(CspPolicy policy) {
            return policy;
        }
    }

    /**
     * Adds each origin to {@code script-src} and each origin plus its websocket twin
     * ({@code ws://} for {@code http://}, {@code wss://} for {@code https://}) to
     * {@code connect-src}.
     */
    record Enabled(List<SourceExpression.Host> origins) implements DevMode {
        public Enabled {
            origins = List.copyOf(origins);
        }

        @Override
        public CspPolicy apply(CspPolicy policy) {
            List<SourceExpression> scripts = new ArrayList<>(origins);
            List<SourceExpression> connects = new ArrayList<>();
            for (SourceExpression.Host origin : origins) {
                connects.add(origin);
                connects.add(websocketTwin(origin));
            }
            return append(append(policy, "script-src", scripts), "connect-src", connects);
        }

        /** Origins as they appear in the CSP, e.g. {@code http://localhost:5173}, for the startup warning. */
        public List<String> serializedOrigins() {
            return origins.stream().map(SourceExpression::serialize).toList();
        }

        /**
         * Appends sources to a fetch directive. A missing directive is seeded from default-src (the
         * browser's fallback) so the addition does not tighten it; with neither present the
         * directive is unrestricted and stays absent. 'none' is dropped once there is a source.
         */
        private static CspPolicy append(CspPolicy policy, String name, List<SourceExpression> additions) {
            Optional<CspDirective> current = policy.directive(name).or(() -> policy.directive("default-src"));
            if (current.isEmpty()) {
                return policy;
            }
            List<SourceExpression> sources = new ArrayList<>(current.get().sources());
            sources.remove(new SourceExpression.Keyword(CspKeyword.NONE));
            for (SourceExpression addition : additions) {
                if (!sources.contains(addition)) {
                    sources.add(addition);
                }
            }
            return policy.with(new CspDirective(name, sources));
        }

        private static SourceExpression.Host websocketTwin(SourceExpression.Host origin) {
            String scheme = origin.scheme().orElseThrow().equals("https") ? "wss" : "ws";
            return new SourceExpression.Host(Optional.of(scheme), origin.host(), origin.port(), "");
        }

        private static SourceExpression.Host parseOrigin(String origin) {
            URI uri;
            try {
                uri = new URI(origin.trim());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("dev origin '" + origin + "' is not a URI", e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
                    && uri.getQuery() == null && uri.getFragment() == null && uri.getUserInfo() == null;
            if (!(scheme.equals("http") || scheme.equals("https")) || !isLoopback(host) || !bare) {
                throw new IllegalArgumentException("dev origin '" + origin
                        + "' must be an http(s) origin on a loopback host (localhost, 127.x.x.x or [::1]), e.g. http://localhost:5173");
            }
            Optional<String> port = uri.getPort() < 0 ? Optional.empty() : Optional.of(Integer.toString(uri.getPort()));
            return new SourceExpression.Host(Optional.of(scheme), host, port, "");
        }

        private static boolean isLoopback(String host) {
            return host.equals("localhost") || host.equals("[::1]") || host.matches("127(\\.\\d{1,3}){3}");
        }
    }
}
