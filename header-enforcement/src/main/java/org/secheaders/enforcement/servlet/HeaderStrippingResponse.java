package org.secheaders.enforcement.servlet;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.Set;

/**
 * Drops headers that leak implementation details (Server, X-Powered-By, …) when the application
 * sets them. Headers a container adds itself at commit time (Jetty's {@code Server}) never pass
 * through here; they are a container setting ({@code HttpConfiguration.setSendServerVersion(false)}).
 */
final class HeaderStrippingResponse extends HttpServletResponseWrapper {
    /** A case-insensitive set, as header names are. */
    private final Set<String> dropped;

    HeaderStrippingResponse(HttpServletResponse response, Set<String> dropped) {
        super(response);
        this.dropped = dropped;
    }

    @Override
    public void setHeader(String name, String value) {
        if (!dropped.contains(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!dropped.contains(name)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!dropped.contains(name)) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!dropped.contains(name)) {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public void setDateHeader(String name, long date) {
        if (!dropped.contains(name)) {
            super.setDateHeader(name, date);
        }
    }

    @Override
    public void addDateHeader(String name, long date) {
        if (!dropped.contains(name)) {
            super.addDateHeader(name, date);
        }
    }
}
