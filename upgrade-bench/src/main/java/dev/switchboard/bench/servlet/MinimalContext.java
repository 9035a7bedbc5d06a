package dev.switchboard.bench.servlet;

/**
 * A servlet context with no parameters, for {@code UpgradeFilter.init}: the filter reads its
 * options from code, and finds providers through this class's loader.
 */
public final class MinimalContext extends UnsupportedContext {

    @Override
    public String getInitParameter(String name) {
        return null;
    }

    @Override
    public ClassLoader getClassLoader() {
        return MinimalContext.class.getClassLoader();
    }

    @Override
    public String getContextPath() {
        return "/bench";
    }

    @Override
    public Object getAttribute(String name) {
        return null;
    }

    @Override
    public void log(String msg) {
    }
}
