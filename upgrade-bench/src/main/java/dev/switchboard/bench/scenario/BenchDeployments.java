package dev.switchboard.bench.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.switchboard.it.Deployments;
import dev.switchboard.it.LibraryJars;
import dev.switchboard.it.ProxyDeployments;
import dev.switchboard.it.app.InfoServlet;

/** The web applications of the plain-request scenario: the same servlet with and without Switchboard. */
final class BenchDeployments {

    private BenchDeployments() {
    }

    /**
     * {@link InfoServlet} alone. {@code switchboard.enabled=false} keeps out the initializer
     * that the bench's own class path (which holds the Switchboard jars) would otherwise offer
     * to every application.
     */
    static WebArchive plainApp(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClass(InfoServlet.class)
                .setWebXML(new StringAsset(Deployments.webXml(Map.of("switchboard.enabled", "false"))
                        .replaceAll("(?s)  <servlet><servlet-name>needs-echo.*?</servlet-mapping>\n", "")));
    }

    /**
     * The same servlet with every Switchboard jar in {@code WEB-INF/lib} and every stage
     * active: the TLS policy (protecting {@code /secure/*}), the tunnel (a route under
     * {@code /t/}) and negotiation ({@code echo/1} and WebSocket). Requests elsewhere
     * pass through all three.
     */
    static WebArchive allFiltersApp(String name) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("switchboard.protocols", "echo, websocket");
        params.put("switchboard.tls.protect", "/secure/*");
        params.put("switchboard.proxy.routes", "/t/ -> http://127.0.0.1:9/");
        params.put("switchboard.jmx", "false");
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibraries(LibraryJars.upgradeServlet(), LibraryJars.upgradeTlsFilter(),
                        ProxyDeployments.upgradeProxy(), LibraryJars.upgradeWebSocket())
                .addAsLibraries(LibraryJars.containerSupport())
                .addClass(InfoServlet.class)
                .setWebXML(new StringAsset(Deployments.webXml(params)
                        .replaceAll("(?s)  <servlet><servlet-name>needs-echo.*?</servlet-mapping>\n", "")));
    }
}
