package dev.switchboard.boot;

import java.io.IOException;

import dev.switchboard.servlet.FilterContribution;
import dev.switchboard.servlet.Settings;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * One of Switchboard's filters, registered with Boot before the application's options are
 * known to the servlet context: when the container starts it, it asks its
 * {@link FilterContribution} whether it has anything to do in this application and creates the
 * real filter, or else passes every request on. A WAR makes the same decision at registration
 * time; Boot registers filters as beans, before that.
 */
final class ContributedFilter implements Filter {

    private final FilterContribution contribution;
    private volatile Filter filter;

    ContributedFilter(FilterContribution contribution) {
        this.contribution = contribution;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        ServletContext context = config.getServletContext();
        Settings settings = Settings.of(context);
        try {
            if (contribution.enabled(context, settings)) {
                filter = contribution.create(context, settings);
                filter.init(config);
            }
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
    }

    /**
     * Passes every request on when the application does not need the filter, and once it was
     * destroyed early (graceful shutdown stops the tunnel before Boot's wait).
     */
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Filter f = filter;
        if (f == null) {
            chain.doFilter(request, response);
        } else {
            f.doFilter(request, response, chain);
        }
    }

    @Override
    public void destroy() {
        Filter f;
        synchronized (this) {
            f = filter;
            filter = null;
        }
        if (f != null) {
            f.destroy();
        }
    }

    /** The contribution's name, which is the filter's name in the application. */
    String name() {
        return contribution.name();
    }

    /** The filter at work, or null when this application does not need it. */
    Filter filter() {
        return filter;
    }

    @Override
    public String toString() {
        return contribution.name() + (filter == null ? " (not needed)" : "");
    }
}
