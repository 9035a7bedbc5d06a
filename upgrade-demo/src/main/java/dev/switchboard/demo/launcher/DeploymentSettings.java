package dev.switchboard.demo.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.Context;
import org.apache.tomcat.util.descriptor.web.ApplicationParameter;

/**
 * What the launcher knows and the WAR cannot: the key store (for RFC 2817's mandatory form,
 * {@code OPTIONS *}, only: the https connector presents the same key, so the optional form, a
 * real request upgraded in place, would let a man in the middle answer a visitor of the https
 * port with a request of his own, the Opossum attack, and Switchboard refuses to enable it),
 * the https port its 426 page points to, whether the cleartext connector serves {@code OPTIONS *}
 * (which the page then offers), the tunnel's backend, the origins allowed besides
 * the page's own and the host names it answers to. Given to the application as context parameters that web.xml cannot
 * override, exactly as a {@code <Parameter override="false">} in a {@code context.xml} would.
 *
 * @param connectorTls whether the cleartext connector serves RFC 2817's {@code OPTIONS *} itself
 * @param tunnelTarget the backend of {@code /tunnel/}
 * @param allowedOrigins origins allowed to open WebSockets besides same-origin, directly and through the tunnel
 * @param allowedHosts the names under which upgrade requests are served
 */
record DeploymentSettings(Path keystore, String keystorePassword, int httpsPort, boolean connectorTls, URI tunnelTarget,
        List<String> allowedOrigins, List<String> allowedHosts) {

    /** The protocols of the demo once a key store is there: RFC 2817 (mandatory form only) joins echo/1 and WebSocket. */
    static final String PROTOCOLS = "echo, websocket, tls";

    /** Sets the parameters on {@code context}, before it starts. */
    static void apply(Context context, DeploymentSettings settings) {
        set(context, "switchboard.protocols", PROTOCOLS);
        set(context, "switchboard.tls.keystore", settings.keystore.toAbsolutePath().toString());
        set(context, "switchboard.tls.keystorePassword", settings.keystorePassword);
        set(context, "switchboard.tls.httpsPort", Integer.toString(settings.httpsPort));
        set(context, "switchboard.tls.connectorUpgrade", Boolean.toString(settings.connectorTls));
        set(context, "switchboard.proxy.routes", "/tunnel/ -> " + settings.tunnelTarget);
        set(context, "switchboard.allowedHosts", String.join(", ", settings.allowedHosts));
        if (!settings.allowedOrigins.isEmpty()) {
            List<String> origins = new ArrayList<>();
            origins.add("same-origin");
            origins.addAll(settings.allowedOrigins);
            set(context, "switchboard.websocket.origins", String.join(", ", origins));
            set(context, "switchboard.proxy.origins", "/tunnel/ -> " + String.join(" ", origins));
        }
    }

    private static void set(Context context, String name, String value) {
        ApplicationParameter parameter = new ApplicationParameter();
        parameter.setName(name);
        parameter.setValue(value);
        parameter.setOverride(false);
        context.addApplicationParameter(parameter);
    }
}
