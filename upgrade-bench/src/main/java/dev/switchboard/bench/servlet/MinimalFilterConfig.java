package dev.switchboard.bench.servlet;

import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;

/** A filter configuration with no init-params in a {@link MinimalContext}. */
public final class MinimalFilterConfig implements FilterConfig {

    private final ServletContext context = new MinimalContext();

    @Override
    public String getFilterName() {
        return "switchboard-upgrade";
    }

    @Override
    public ServletContext getServletContext() {
        return context;
    }

    @Override
    public String getInitParameter(String name) {
        return null;
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return Collections.emptyEnumeration();
    }
}
