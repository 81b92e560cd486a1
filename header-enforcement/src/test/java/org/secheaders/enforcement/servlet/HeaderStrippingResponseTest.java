package org.secheaders.enforcement.servlet;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class HeaderStrippingResponseTest {
    private final HttpServletResponse target = mock(HttpServletResponse.class);
    private final HeaderStrippingResponse response = new HeaderStrippingResponse(target, caseInsensitive("Server", "X-Powered-By"));

    @Test
    void dropsListedHeadersWhicheverSetterAndCaseTheAppUses() {
        response.setHeader("x-powered-by", "PHP");
        response.addHeader("X-POWERED-BY", "PHP");
        response.setIntHeader("Server", 1);
        response.addIntHeader("server", 1);
        response.setDateHeader("Server", 0L);
        response.addDateHeader("SERVER", 0L);
        verifyNoMoreInteractions(target);
    }

    @Test
    void passesEveryOtherHeaderThrough() {
        response.setHeader("X-App", "a");
        response.addHeader("X-App", "b");
        response.setIntHeader("X-Count", 1);
        response.addIntHeader("X-Count", 2);
        response.setDateHeader("Last-Modified", 1L);
        response.addDateHeader("Last-Modified", 2L);
        verify(target).setHeader("X-App", "a");
        verify(target).addHeader("X-App", "b");
        verify(target).setIntHeader("X-Count", 1);
        verify(target).addIntHeader("X-Count", 2);
        verify(target).setDateHeader("Last-Modified", 1L);
        verify(target).addDateHeader("Last-Modified", 2L);
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(Set.of(names));
        return set;
    }
}
