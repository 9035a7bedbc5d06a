package dev.switchboard.it;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.switchboard.it.app.InfoServlet;
import dev.switchboard.it.app.NeedsEchoServlet;
import dev.switchboard.it.app.order.GateProtocol;

/**
 * The test web applications, built once and deployed unchanged on every container: the real
 * {@code upgrade-servlet.jar} in {@code WEB-INF/lib}, registered by its own
 * {@code ServletContainerInitializer}, plus the test servlets and protocols of
 * {@code dev.switchboard.it.app}.
 */
public final class Deployments {

    private Deployments() {
    }

    /** The upgrade test application with {@code echo/1} enabled and default options. */
    public static WebArchive upgradeApp(String name) {
        return upgradeApp(name, Map.of());
    }

    /**
     * The upgrade test application with extra context params (which override the defaults
     * here, {@code switchboard.protocols=echo} and short timeouts).
     */
    public static WebArchive upgradeApp(String name, Map<String, String> contextParams) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("switchboard.protocols", "echo");
        params.put("switchboard.idleTimeout", "20s");
        params.putAll(contextParams);
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibraries(LibraryJars.upgradeServlet())
                .addAsLibraries(LibraryJars.containerSupport())
                .addPackage(InfoServlet.class.getPackage())
                .setWebXML(new StringAsset(webXml(params)));
    }

    /**
     * The upgrade test application with the initializer's filter turned off
     * ({@code switchboard.enabled=false}) and {@code UpgradeFilter} declared in web.xml instead,
     * mapped to {@code /declared/*} only, with its options as init-params
     * ({@code switchboard.protocols=echo}, {@code switchboard.advertise=echo/1}).
     */
    public static WebArchive declaredFilterApp(String name) {
        String filter = "  <filter><filter-name>declared-upgrade</filter-name>"
                + "<filter-class>dev.switchboard.servlet.UpgradeFilter</filter-class>"
                + "<async-supported>true</async-supported>"
                + "<init-param><param-name>switchboard.protocols</param-name><param-value>echo</param-value></init-param>"
                + "<init-param><param-name>switchboard.advertise</param-name><param-value>echo/1</param-value>"
                + "</init-param></filter>\n"
                + "  <filter-mapping><filter-name>declared-upgrade</filter-name>"
                + "<url-pattern>/declared/*</url-pattern></filter-mapping>\n";
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibraries(LibraryJars.upgradeServlet())
                .addAsLibraries(LibraryJars.containerSupport())
                .addPackage(InfoServlet.class.getPackage())
                .setWebXML(new StringAsset(webXml(Map.of("switchboard.enabled", "false"), filter)));
    }

    /**
     * The upgrade test application plus a Jakarta WebSocket endpoint at {@code /ws} and
     * {@code GateProtocol} for the token {@code websocket} (package
     * {@code dev.switchboard.it.app.order}): for checking that Switchboard's filter runs before
     * the container's WebSocket filter.
     */
    public static WebArchive filterOrderApp(String name) {
        return upgradeApp(name).addPackage(GateProtocol.class.getPackage());
    }

    /** A web.xml mapping {@link InfoServlet} to everything and {@link NeedsEchoServlet} to {@code /needs-echo}. */
    public static String webXml(Map<String, String> contextParams) {
        return webXml(contextParams, "");
    }

    /** {@link #webXml(Map)} with more elements inserted before the servlets. */
    public static String webXml(Map<String, String> contextParams, String extraElements) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\"\n")
                .append("         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n")
                .append("         xsi:schemaLocation=\"https://jakarta.ee/xml/ns/jakartaee ")
                .append("https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd\"\n")
                .append("         version=\"6.0\">\n");
        contextParams.forEach((k, v) -> xml.append("  <context-param><param-name>").append(k)
                .append("</param-name><param-value>").append(v).append("</param-value></context-param>\n"));
        xml.append(extraElements);
        xml.append("  <servlet><servlet-name>info</servlet-name><servlet-class>")
                .append(InfoServlet.class.getName()).append("</servlet-class></servlet>\n")
                .append("  <servlet-mapping><servlet-name>info</servlet-name><url-pattern>/</url-pattern></servlet-mapping>\n")
                .append("  <servlet><servlet-name>needs-echo</servlet-name><servlet-class>")
                .append(NeedsEchoServlet.class.getName()).append("</servlet-class></servlet>\n")
                .append("  <servlet-mapping><servlet-name>needs-echo</servlet-name>")
                .append("<url-pattern>/needs-echo</url-pattern></servlet-mapping>\n")
                .append("</web-app>\n");
        return xml.toString();
    }
}
