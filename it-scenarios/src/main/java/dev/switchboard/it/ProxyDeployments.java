package dev.switchboard.it;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.switchboard.it.app.InfoServlet;
import dev.switchboard.it.app.proxy.WebSocketEcho;
import dev.switchboard.it.app.proxy.WebSocketEchoSetup;
import dev.switchboard.testing.proxy.ProxyBackends;
import dev.switchboard.it.scenarios.ForwardingRows;

/**
 * The web applications of the tunnel scenarios: the gateway with the real
 * {@code upgrade-proxy.jar} (configured only through context params, as a user would), and
 * the backend it tunnels to.
 */
public final class ProxyDeployments {

    private ProxyDeployments() {
    }

    /**
     * The gateway: {@code upgrade-servlet.jar} and {@code upgrade-proxy.jar} in
     * {@code WEB-INF/lib}, the test servlet for everything that is not tunnelled, the routes
     * of {@link ProxyBackends#routes()}, CONNECT allowed to the scripted backend only, a 3 s
     * response timeout and a 20 s idle timeout, unless {@code contextParams} set others.
     */
    public static WebArchive gateway(String name, Map<String, String> contextParams) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("switchboard.proxy.routes", ProxyBackends.routes());
        params.put("switchboard.proxy.responseTimeout", "3s");
        params.put("switchboard.proxy.idleTimeout", "20s");
        params.put("switchboard.proxy.connect", "127.0.0.1:" + ProxyBackends.RAW_PORT);
        params.put("switchboard.trustedProxies", ForwardingRows.TRUSTED_PROXY);
        params.putAll(contextParams);
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibraries(LibraryJars.upgradeServlet(), upgradeProxy())
                .addAsLibraries(LibraryJars.containerSupport())
                .addPackage(InfoServlet.class.getPackage())
                .setWebXML(new StringAsset(Deployments.webXml(params)));
    }

    /** The backend: the upgrade test application ({@code echo/1}) plus a WebSocket echo at {@code /ws}. */
    public static WebArchive backend(String name) {
        return Deployments.upgradeApp(name).addClasses(WebSocketEcho.class, WebSocketEchoSetup.class);
    }

    /**
     * {@code upgrade-proxy.jar}, found by class name so that this module does not depend on
     * the module whose tests use it.
     */
    public static JavaArchive upgradeProxy() {
        try {
            return LibraryJars.of(Class.forName("dev.switchboard.proxy.TunnelFilter"), "upgrade-proxy.jar");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("upgrade-proxy is not on the test class path", e);
        }
    }
}
