package org.secheaders.benchmarks;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.secheaders.domain.nonce.SecurityNonce;
import org.secheaders.domain.policy.HttpHeader;
import org.secheaders.enforcement.HeaderService;
import org.secheaders.enforcement.RequestInfo;
import org.secheaders.enforcement.source.InMemoryPolicySource;
import org.secheaders.enforcement.servlet.SecurityHeadersFilter;
import org.secheaders.enforcement.tenant.HostTenantResolver;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * One HTTPS request's security headers applied to a response, ours against Spring Security's
 * {@link HeaderWriterFilter}, on the same mock request and response with an empty filter chain.
 *
 * <ul>
 *   <li>{@link #securityHeadersFilter}: our servlet filter — tenant resolution by host, cached
 *       resolved policy, fresh nonce, headers set, nonce request attributes, leak-stripping wrapper,
 *       processing time recorded.</li>
 *   <li>{@link #springHeaderWriterFilter}: Spring Security's filter with writers producing the same
 *       header lines (a static CSP of the same length; no nonce, no tenant).</li>
 *   <li>{@link #headerServiceOnly} and {@link #nonceOnly}: the parts of ours, for profiling.</li>
 * </ul>
 * Both filters get the same per-operation reset of the mock request and response.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class HeaderGenerationBenchmark {
    private static final FilterChain EMPTY_CHAIN = (request, response) -> { };

    private HeaderService headerService;
    private SecurityHeadersFilter ours;
    private HeaderWriterFilter spring;
    private MockHttpServletRequest request;
    private MockHttpServletResponse response;

    @Setup(Level.Trial)
    public void setUp() throws ServletException, IOException {
        headerService = HeaderService.builder()
                .source(new InMemoryPolicySource(Map.of(BenchmarkTenant.KEY, BenchmarkTenant.policies())))
                .build();
        ours = SecurityHeadersFilter.builder(headerService)
                .tenantResolver(new HostTenantResolver(Map.of(BenchmarkTenant.HOST, BenchmarkTenant.KEY)))
                .build();
        request = new MockHttpServletRequest("GET", "/orders");
        request.setServerName(BenchmarkTenant.HOST);
        request.setSecure(true);
        response = new MockHttpServletResponse();

        securityHeadersFilter();
        List<HttpHeader> written = response.getHeaderNames().stream()
                .map(name -> new HttpHeader(name, response.getHeader(name))).toList();
        spring = new HeaderWriterFilter(SpringEquivalent.writersFor(written));
        Set<String> ourNames = headerNames();
        springHeaderWriterFilter();
        if (!ourNames.equals(headerNames())) {
            throw new IllegalStateException("not the same header set: ours " + ourNames + ", Spring " + headerNames());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        headerService.close();
    }

    @Benchmark
    public MockHttpServletResponse securityHeadersFilter() throws ServletException, IOException {
        reset();
        ours.doFilter(request, response, EMPTY_CHAIN);
        return response;
    }

    @Benchmark
    public MockHttpServletResponse springHeaderWriterFilter() throws ServletException, IOException {
        reset();
        spring.doFilter(request, response, EMPTY_CHAIN);
        return response;
    }

    @Benchmark
    public Object headerServiceOnly() {
        return headerService.headersFor(BenchmarkTenant.KEY, RequestInfo.https());
    }

    @Benchmark
    public SecurityNonce nonceOnly() {
        return SecurityNonce.generate();
    }

    private void reset() {
        request.clearAttributes();
        response.reset();
    }

    private Set<String> headerNames() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(response.getHeaderNames());
        return names;
    }
}
