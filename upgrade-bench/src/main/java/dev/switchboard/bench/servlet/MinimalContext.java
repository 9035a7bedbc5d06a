package dev.switchboard.bench.servlet;

/**
 * A servlet context with no parameters, for {@code UpgradeFilter.init}: the filter reads its
 * options from code, and finds providers through this class's loader, in {@code upgrade-servlet}
 * only.
 */
public final class MinimalContext extends UnsupportedContext {

    private final ClassLoader loader = new UpgradeServletOnlyLoader(MinimalContext.class.getClassLoader());

    @Override
    public String getInitParameter(String name) {
        return null;
    }

    @Override
    public ClassLoader getClassLoader() {
        return loader;
    }

    @Override
    public String getContextPath() {
        return "/bench";
    }

    /** Not Jetty: the filter asks, to warn when Jetty's adapter is missing. */
    @Override
    public String getServerInfo() {
        return "switchboard-bench/1";
    }

    @Override
    public Object getAttribute(String name) {
        return null;
    }

    @Override
    public void log(String msg) {
    }
}
