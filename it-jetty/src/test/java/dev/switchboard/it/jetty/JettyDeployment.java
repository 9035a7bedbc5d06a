package dev.switchboard.it.jetty;

import java.util.function.Supplier;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.switchboard.testing.ServerUnderTest;

/**
 * One WAR on its own {@link EmbeddedJetty} for the duration of a test class: the Jetty
 * counterpart of Arquillian's {@code @Deployment}, so that a scenario class runs on Jetty in a
 * few lines.
 *
 * <pre>
 * class EchoOnJettyIT extends EchoScenarios {
 *     &#64;RegisterExtension
 *     static final JettyDeployment JETTY = JettyDeployment.of(() -&gt; Deployments.upgradeApp("echo"));
 *
 *     &#64;Override
 *     protected ServerUnderTest server() {
 *         return JETTY.server();
 *     }
 * }
 * </pre>
 *
 * The archive is built when the class starts (not when it loads), so that a failure to build
 * or deploy it shows as a failure of the class's tests.
 */
public final class JettyDeployment implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<EmbeddedJetty.Builder> builder;
    private EmbeddedJetty jetty;

    private JettyDeployment(Supplier<EmbeddedJetty.Builder> builder) {
        this.builder = builder;
    }

    /** Deploys the archive that {@code war} builds, behind a plain HTTP/1.1 connector. */
    public static JettyDeployment of(Supplier<WebArchive> war) {
        return new JettyDeployment(() -> EmbeddedJetty.builder(war.get()));
    }

    /** Deploys what {@code builder} describes: extra connectors, a customised context. */
    public static JettyDeployment with(Supplier<EmbeddedJetty.Builder> builder) {
        return new JettyDeployment(builder);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        jetty = builder.get().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (jetty != null) {
            jetty.close();
            jetty = null;
        }
    }

    /** The application behind the plain connector; only while the test class runs. */
    public ServerUnderTest server() {
        return jetty().server();
    }

    /** The application behind the named connector. */
    public ServerUnderTest server(String connector) {
        return jetty().server(connector);
    }

    /** The running Jetty. */
    public EmbeddedJetty jetty() {
        if (jetty == null) {
            throw new IllegalStateException("Jetty is not running: register this as a static @RegisterExtension field");
        }
        return jetty;
    }
}
