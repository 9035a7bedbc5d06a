package dev.switchboard.it;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.switchboard.it.app.tls.ExecutionsServlet;
import dev.switchboard.it.app.tls.TransportServlet;
import dev.switchboard.testing.tls.TestKeyStore;

/**
 * The mandatory-TLS test application: the real {@code upgrade-servlet.jar} and
 * {@code upgrade-tls-filter.jar} (the caller's class path must hold that module), with
 * {@link TransportServlet} for every path and {@link ExecutionsServlet} at
 * {@code /executions}. The defaults protect {@code /secure/*}, enable RFC 2817 with the
 * JVM's {@link TestKeyStore}, and give a short idle timeout; context params given here
 * override them.
 *
 * <p>The handshake timeout ({@link #HANDSHAKE_TIMEOUT}) is the library's default, not a short
 * one: it runs from the 101, and a JVM's first handshake, with the test's client and the
 * server both cold in one JVM, took close to 4 s on a machine loaded as a full build loads
 * it; a 3 s timeout then closed the connection mid-handshake, which the client saw as
 * {@code Remote host terminated the handshake}.
 */
public final class TlsDeployments {

    /** The handshake timeout of the test applications: with room for a first handshake on a busy machine. */
    public static final String HANDSHAKE_TIMEOUT = "10s";

    private TlsDeployments() {
    }

    /** The parameters every TLS test application starts from. */
    public static Map<String, String> defaults() {
        TestKeyStore keys = TestKeyStore.shared();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("switchboard.protocols", "tls, echo");
        params.put("switchboard.tls.protect", "/secure/*");
        params.put("switchboard.tls.keystore", keys.file().toString());
        params.put("switchboard.tls.keystorePassword", keys.password());
        params.put("switchboard.tls.handshakeTimeout", HANDSHAKE_TIMEOUT);
        params.put("switchboard.idleTimeout", "20s");
        return params;
    }

    /** The application with {@link #defaults()} overridden by {@code contextParams}. */
    public static WebArchive tlsApp(String name, Map<String, String> contextParams) {
        return tlsApp(name, contextParams, "");
    }

    /**
     * The application with {@link #defaults()} overridden by {@code contextParams} (a null
     * value removes a default) and {@code extraWebXml} (such as a
     * {@code <security-constraint>}) added to web.xml.
     */
    public static WebArchive tlsApp(String name, Map<String, String> contextParams, String extraWebXml) {
        Map<String, String> params = defaults();
        contextParams.forEach((k, v) -> {
            if (v == null) {
                params.remove(k);
            } else {
                params.put(k, v);
            }
        });
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibraries(LibraryJars.upgradeServlet(), LibraryJars.upgradeTlsFilter())
                .addAsLibraries(LibraryJars.containerSupport())
                .addPackage(TransportServlet.class.getPackage())
                .setWebXML(new StringAsset(webXml(params, extraWebXml)));
    }

    static String webXml(Map<String, String> contextParams, String extra) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\"\n")
                .append("         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n")
                .append("         xsi:schemaLocation=\"https://jakarta.ee/xml/ns/jakartaee ")
                .append("https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd\"\n")
                .append("         version=\"6.0\">\n");
        contextParams.forEach((k, v) -> xml.append("  <context-param><param-name>").append(k)
                .append("</param-name><param-value>").append(escape(v)).append("</param-value></context-param>\n"));
        xml.append("  <servlet><servlet-name>transport</servlet-name><servlet-class>")
                .append(TransportServlet.class.getName()).append("</servlet-class></servlet>\n")
                .append("  <servlet-mapping><servlet-name>transport</servlet-name><url-pattern>/</url-pattern></servlet-mapping>\n")
                .append("  <servlet><servlet-name>executions</servlet-name><servlet-class>")
                .append(ExecutionsServlet.class.getName()).append("</servlet-class></servlet>\n")
                .append("  <servlet-mapping><servlet-name>executions</servlet-name>")
                .append("<url-pattern>/executions</url-pattern></servlet-mapping>\n")
                .append(extra)
                .append("</web-app>\n");
        return xml.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
