package dev.switchboard.tomcat.tls;

import org.apache.tomcat.ContextBind;

/**
 * The context binding of a connection that belongs to no web application: Tomcat's upgraded
 * streams bind a context around each callback, and here there is none to bind. Implements the
 * methods of both Tomcat 11 and 10.1, whose interfaces differ. Stateless.
 */
final class NoContextBind implements ContextBind {

    static final NoContextBind INSTANCE = new NoContextBind();

    private NoContextBind() {
    }

    @Override
    public ClassLoader bind(ClassLoader originalClassLoader) {
        return null;
    }

    @Override
    public void unbind(ClassLoader originalClassLoader) {
    }

    @Override
    public ClassLoader bind(boolean usePrivilegedAction, ClassLoader originalClassLoader) {
        return null;
    }

    @Override
    public void unbind(boolean usePrivilegedAction, ClassLoader originalClassLoader) {
    }
}
