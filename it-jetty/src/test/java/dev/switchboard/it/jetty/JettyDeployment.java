package dev.switchboard.it.jetty;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.switchboard.it.ServerUnderTest;

/**
 * One WAR on its own {@link EmbeddedJetty} for the duration of a test class: the Jetty
 * counterpart of Arquillian's {@code @Deployment}, so that a scenario class runs on Jetty with
 * a few lines.
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
 */
public final class JettyDeployment implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<WebArchive> war;
    private final Consumer<WebAppContext> customizer;
    private EmbeddedJetty jetty;

    private JettyDeployment(Supplier<WebArchive> war, Consumer<WebAppContext> customizer) {
        this.war = war;
        this.customizer = customizer;
    }

    /** Deploys the archive that {@code war} builds (built when the class starts, so that failures show as test failures). */
    public static JettyDeployment of(Supplier<WebArchive> war) {
        return new JettyDeployment(war, context -> {
        });
    }

    /** Like {@link #of(Supplier)}, with the web application context adjusted by {@code customizer} before it starts. */
    public static JettyDeployment of(Supplier<WebArchive> war, Consumer<WebAppContext> customizer) {
        return new JettyDeployment(war, customizer);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        jetty = EmbeddedJetty.start(war.get(), customizer);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (jetty != null) {
            jetty.close();
            jetty = null;
        }
    }

    /** The deployed application; only while the test class runs. */
    public ServerUnderTest server() {
        if (jetty == null) {
            throw new IllegalStateException("Jetty is not running: register this as a static @RegisterExtension field");
        }
        return jetty.server();
    }
}
