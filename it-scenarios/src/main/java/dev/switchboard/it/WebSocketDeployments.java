package dev.switchboard.it;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.switchboard.it.app.InfoServlet;
import dev.switchboard.it.app.ws.WebSocketTestEndpoints;

/**
 * The WebSocket test application, deployed unchanged on every container: the real
 * {@code upgrade-servlet.jar} and {@code upgrade-websocket.jar} in {@code WEB-INF/lib}, the
 * endpoints of {@code dev.switchboard.it.app.ws} (programmatic under {@code /p/}, annotated
 * under {@code /a/}), and {@link InfoServlet} for every other path.
 */
public final class WebSocketDeployments {

    /** The address of the application's one trusted proxy. */
    public static final String TRUSTED_PROXY = "127.0.0.2";

    private WebSocketDeployments() {
    }

    /**
     * The web.xml parameters of the application: the endpoint named {@code xml} is configured
     * only here; the application trusts the forwarding fields of {@link #TRUSTED_PROXY} alone
     * (a loopback address clients bind to on purpose: the default 127.0.0.1 is not trusted).
     */
    public static Map<String, String> contextParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("switchboard.websocket.endpoint.xml.origins", "https://xml.example");
        params.put("switchboard.websocket.endpoint.xml.subprotocols", "xml.v2, xml.v1");
        params.put("switchboard.websocket.endpoint.xml.subprotocolSelection", "server-preference");
        params.put("switchboard.websocket.endpoint.xml.subprotocolRequired", "true");
        params.put("switchboard.trustedProxies", TRUSTED_PROXY);
        return params;
    }

    /** The WebSocket test application, deployed at {@code /<name>}. */
    public static WebArchive app(String name) {
        return app(name, Map.of());
    }

    /** The WebSocket test application with more context params (which override those of {@link #contextParams()}). */
    public static WebArchive app(String name, Map<String, String> extraParams) {
        Map<String, String> params = contextParams();
        params.putAll(extraParams);
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibraries(LibraryJars.upgradeServlet(), LibraryJars.upgradeWebSocket())
                .addAsLibraries(LibraryJars.containerSupport())
                .addClass(InfoServlet.class)
                .addPackage(WebSocketTestEndpoints.class.getPackage())
                .setWebXML(new StringAsset(webXml(params)));
    }

    /** A web.xml with the given context params and {@link InfoServlet} mapped to {@code /}. */
    public static String webXml(Map<String, String> contextParams) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\"\n")
                .append("         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n")
                .append("         xsi:schemaLocation=\"https://jakarta.ee/xml/ns/jakartaee ")
                .append("https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd\"\n")
                .append("         version=\"6.0\">\n");
        contextParams.forEach((k, v) -> xml.append("  <context-param><param-name>").append(k)
                .append("</param-name><param-value>").append(v).append("</param-value></context-param>\n"));
        xml.append("  <servlet><servlet-name>info</servlet-name><servlet-class>")
                .append(InfoServlet.class.getName()).append("</servlet-class></servlet>\n")
                .append("  <servlet-mapping><servlet-name>info</servlet-name><url-pattern>/</url-pattern></servlet-mapping>\n")
                .append("</web-app>\n");
        return xml.toString();
    }
}
