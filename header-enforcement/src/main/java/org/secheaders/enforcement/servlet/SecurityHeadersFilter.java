package org.secheaders.enforcement.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.secheaders.domain.policy.HttpHeader;
import org.secheaders.enforcement.HeaderService;
import org.secheaders.enforcement.RenderedHeaders;
import org.secheaders.enforcement.RequestInfo;
import org.secheaders.enforcement.TenantKey;
import org.secheaders.enforcement.metrics.ProcessingTimes;
import org.secheaders.enforcement.template.NonceTags;
import org.secheaders.enforcement.tenant.TenantResolver;

/**
 * Sets the tenant's security headers on every response, before the application runs (so they are
 * in place however early the application commits), strips leaking headers the application sets
 * later, and hands the response's nonce to templates as request attributes.
 *
 * <p>Two ways to configure it: from {@code web.xml} init parameters (see
 * {@link FilterInitParameters}; the filter then owns its {@link HeaderService} and closes it in
 * {@link #destroy()}), or with {@link #builder(HeaderService)} and
 * {@code ServletContext.addFilter}. Either way the configuration is validated at startup.
 */
public final class SecurityHeadersFilter implements Filter {
    /** Request attribute holding the nonce value (a {@code String}). */
    public static final String NONCE_ATTRIBUTE = "secheaders.nonce";
    /** The same value under the name several template engines' CSP integrations use. */
    public static final String CSP_NONCE_ATTRIBUTE = "csp-nonce";
    /** Request attribute holding a {@link NonceTags} for this response. */
    public static final String NONCE_TAGS_ATTRIBUTE = "secheaders.nonceTags";

    private static final String CACHE_CONTROL = "Cache-Control";

    private FilterSettings settings;
    private HeaderService headerService;
    private ProcessingTimes processingTimes;
    private boolean ownsHeaderService;

    /** For {@code web.xml}: configured from init parameters in {@link #init(FilterConfig)}. */
    public SecurityHeadersFilter() {
    }

    private SecurityHeadersFilter(FilterSettings settings, HeaderService headerService, ProcessingTimes times) {
        this.settings = settings;
        this.headerService = headerService;
        this.processingTimes = times;
    }

    public static Builder builder(HeaderService headerService) {
        return new Builder(headerService);
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : Collections.list(config.getInitParameterNames())) {
            parameters.put(name, config.getInitParameter(name));
        }
        if (settings != null) {
            if (!parameters.isEmpty()) {
                throw new ServletException("filter '" + config.getFilterName() + "' was configured with a builder;"
                        + " remove its init parameters " + parameters.keySet());
            }
            return;
        }
        try {
            FilterInitParameters parsed = FilterInitParameters.parse(parameters);
            this.settings = parsed.settings();
            this.headerService = parsed.buildHeaderService();
            this.processingTimes = new ProcessingTimes();
            this.ownsHeaderService = true;
        } catch (IllegalArgumentException e) {
            throw new ServletException("filter '" + config.getFilterName() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || req.getAttribute(NONCE_ATTRIBUTE) != null) {
            // Not HTTP, or a forward/include/error dispatch of a request already handled: one nonce per response.
            chain.doFilter(req, res);
            return;
        }
        long start = System.nanoTime();
        RenderedHeaders rendered = render(request);
        List<HttpHeader> headers = rendered.headers();
        for (int i = 0; i < headers.size(); i++) {
            HttpHeader header = headers.get(i);
            response.setHeader(header.name(), header.value());
        }
        Optional<String> cacheControl = settings.nonceCacheControl().headerValue();
        if (rendered.nonceInHeaders() && cacheControl.isPresent()) {
            response.setHeader(CACHE_CONTROL, cacheControl.get());
        }
        String nonce = rendered.nonce().value();
        request.setAttribute(NONCE_ATTRIBUTE, nonce);
        request.setAttribute(CSP_NONCE_ATTRIBUTE, nonce);
        request.setAttribute(NONCE_TAGS_ATTRIBUTE, new NonceTags(rendered.nonce()));
        HttpServletResponse downstream = rendered.headersToRemove().isEmpty()
                ? response
                : new HeaderStrippingResponse(response, rendered.headersToRemove());
        processingTimes.record(rendered.tenant(), System.nanoTime() - start);
        chain.doFilter(request, downstream);
    }

    @Override
    public void destroy() {
        if (ownsHeaderService) {
            headerService.close();
        }
    }

    /** This filter's per-tenant processing times, for a {@link org.secheaders.enforcement.metrics.MetricsFlusher}. */
    public ProcessingTimes processingTimes() {
        return processingTimes;
    }

    private RenderedHeaders render(HttpServletRequest request) {
        RequestInfo info = RequestInfo.of(request.isSecure() || forwardedHttps(request));
        Optional<TenantKey> tenant = settings.tenantResolver().resolve(request);
        if (tenant.isEmpty()) {
            tenant = settings.defaultTenant();
        }
        return tenant.isPresent()
                ? headerService.headersFor(tenant.get(), info)
                : headerService.platformHeadersFor(info);
    }

    /** The first (client-facing) value of {@code X-Forwarded-Proto}, when the proxy is trusted. */
    private boolean forwardedHttps(HttpServletRequest request) {
        if (!settings.trustForwardedProto()) {
            return false;
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        if (proto == null) {
            return false;
        }
        int comma = proto.indexOf(',');
        return (comma < 0 ? proto : proto.substring(0, comma)).trim().equalsIgnoreCase("https");
    }

    /** Programmatic configuration; the application owns (and closes) the header service. */
    public static final class Builder {
        private final HeaderService headerService;
        private TenantResolver tenantResolver = request -> Optional.empty();
        private Optional<TenantKey> defaultTenant = Optional.empty();
        private boolean trustForwardedProto;
        private NonceCacheControl nonceCacheControl = NonceCacheControl.NO_STORE;
        private ProcessingTimes processingTimes = new ProcessingTimes();

        private Builder(HeaderService headerService) {
            this.headerService = Objects.requireNonNull(headerService, "headerService");
        }

        public Builder tenantResolver(TenantResolver value) {
            this.tenantResolver = Objects.requireNonNull(value, "tenantResolver");
            return this;
        }

        public Builder defaultTenant(TenantKey value) {
            this.defaultTenant = Optional.of(value);
            return this;
        }

        public Builder trustForwardedProto(boolean value) {
            this.trustForwardedProto = value;
            return this;
        }

        public Builder nonceCacheControl(NonceCacheControl value) {
            this.nonceCacheControl = Objects.requireNonNull(value, "nonceCacheControl");
            return this;
        }

        /** Where processing times go; share one between filters to aggregate them. */
        public Builder processingTimes(ProcessingTimes value) {
            this.processingTimes = Objects.requireNonNull(value, "processingTimes");
            return this;
        }

        public SecurityHeadersFilter build() {
            return new SecurityHeadersFilter(
                    new FilterSettings(tenantResolver, defaultTenant, trustForwardedProto, nonceCacheControl),
                    headerService, processingTimes);
        }
    }
}
