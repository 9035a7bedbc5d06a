package dev.switchboard.testing.proxy;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server that a test class needs next to the one under test, such as a tunnel's backend,
 * started before the class's tests and closed after them. Scenario classes say what they
 * need; the integration test class of each container starts it with that container, so that
 * a scenario never brings a container of its own onto another container's classpath:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final BackendServer BACKEND = BackendServer.of(() -&gt;
 *         EmbeddedTomcat.builder(ProxyDeployments.backend(ProxyBackends.BACKEND_CONTEXT))
 *                 .port(ProxyBackends.TOMCAT_PORT).start());
 * </pre>
 */
public final class BackendServer implements BeforeAllCallback, AfterAllCallback {

    /** Starts a server; what it returns is closed after the class. */
    @FunctionalInterface
    public interface Starter {
        AutoCloseable start() throws Exception;
    }

    private final Starter starter;
    private AutoCloseable server;

    private BackendServer(Starter starter) {
        this.starter = starter;
    }

    public static BackendServer of(Starter starter) {
        return new BackendServer(starter);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = starter.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
