package dev.switchboard.it;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.switchboard.it.app.handler.HandlerReportServlet;

/**
 * The application for the handler scenarios: {@code echo/1} plus the probing protocols of
 * {@code dev.switchboard.it.app.handler} ({@code probe/1}, {@code app-close/1}) and
 * {@link HandlerReportServlet} on every path, with small buffers so that back-pressure shows
 * after a few kilobytes.
 */
public final class HandlerDeployments {

    /** Bytes read from the connection at a time, in this application. */
    public static final int READ_BUFFER_SIZE = 4 * 1024;

    /** Bytes a handler queues for a slow peer before it stops reading, in this application. */
    public static final int MAX_PENDING_OUTPUT = 64 * 1024;

    private HandlerDeployments() {
    }

    /** The handler application with the default timeouts. */
    public static WebArchive handlerApp(String name) {
        return handlerApp(name, Map.of());
    }

    /** The handler application with extra context params, which override the ones set here. */
    public static WebArchive handlerApp(String name, Map<String, String> contextParams) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("switchboard.protocols", "echo");
        params.put("switchboard.readBufferSize", String.valueOf(READ_BUFFER_SIZE));
        params.put("switchboard.maxPendingOutput", String.valueOf(MAX_PENDING_OUTPUT));
        params.put("switchboard.idleTimeout", "60s");
        params.putAll(contextParams);
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibraries(LibraryJars.upgradeServlet())
                .addAsLibraries(LibraryJars.containerSupport())
                .addPackage(HandlerReportServlet.class.getPackage())
                .setWebXML(new StringAsset(webXml(params)));
    }

    private static String webXml(Map<String, String> contextParams) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n");
        contextParams.forEach((k, v) -> xml.append("  <context-param><param-name>").append(k)
                .append("</param-name><param-value>").append(v).append("</param-value></context-param>\n"));
        xml.append("  <servlet><servlet-name>report</servlet-name><servlet-class>")
                .append(HandlerReportServlet.class.getName()).append("</servlet-class></servlet>\n")
                .append("  <servlet-mapping><servlet-name>report</servlet-name>")
                .append("<url-pattern>/report</url-pattern><url-pattern>/</url-pattern></servlet-mapping>\n")
                .append("</web-app>\n");
        return xml.toString();
    }
}
