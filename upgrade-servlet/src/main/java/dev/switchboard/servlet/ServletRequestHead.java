package dev.switchboard.servlet;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import dev.switchboard.http.RequestHead;
import jakarta.servlet.http.HttpServletRequest;

/** A {@link RequestHead} over a servlet request. */
public final class ServletRequestHead implements RequestHead {

    private final HttpServletRequest request;

    public ServletRequestHead(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String protocol() {
        return request.getProtocol();
    }

    @Override
    public boolean secure() {
        return request.isSecure();
    }

    @Override
    public List<String> fieldLines(String name) {
        Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return List.of();
        }
        return Collections.list(values);
    }

    @Override
    public long contentLength() {
        return request.getContentLengthLong();
    }
}
