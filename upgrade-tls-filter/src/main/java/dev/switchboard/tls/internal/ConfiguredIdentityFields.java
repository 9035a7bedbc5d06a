package dev.switchboard.tls.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;

/**
 * The request fields that the container is configured to believe about a client, read from
 * where the application can see them:
 * <ul>
 *   <li>on Tomcat, the valves of the application's context, host and engine: every public
 *       {@code getXxxHeader()} without arguments that answers a field name, which covers
 *       {@code RemoteIpValve} ({@code remoteIpHeader}, {@code protocolHeader},
 *       {@code portHeader}, {@code hostHeader}, {@code proxiesHeader}) and {@code SSLValve}
 *       ({@code sslClientCertHeader}, {@code sslCipherHeader}, {@code sslSessionIdHeader},
 *       ...);</li>
 *   <li>on every container, the init-parameters named {@code ...Header} of the application's
 *       filters, which covers {@code RemoteIpFilter} and filters built like it.</li>
 * </ul>
 * Read at each upgrade, so that a valve added while the server runs counts too. A
 * container's connector-level support (Jetty's {@code ForwardedRequestCustomizer}) is out of
 * the application's sight; its default fields are among the known ones of
 * {@link IdentityFields}.
 */
public final class ConfiguredIdentityFields {

    private static final Logger LOG = Logger.getLogger(ConfiguredIdentityFields.class.getName());

    private ConfiguredIdentityFields() {
    }

    /** The known fields and those the configuration of {@code context}'s container reads. */
    public static IdentityFields of(ServletContext context) {
        List<String> names = new ArrayList<>();
        names.addAll(valveFields(context));
        names.addAll(filterFields(context));
        return IdentityFields.with(names);
    }

    private static List<String> filterFields(ServletContext context) {
        List<String> out = new ArrayList<>();
        try {
            for (FilterRegistration registration : context.getFilterRegistrations().values()) {
                for (Map.Entry<String, String> p : registration.getInitParameters().entrySet()) {
                    if (p.getKey().toLowerCase(Locale.ROOT).endsWith("header") && p.getValue() != null) {
                        out.add(p.getValue());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Cannot read the filters' fields", e);
        }
        return out;
    }

    private static List<String> valveFields(ServletContext context) {
        List<String> out = new ArrayList<>();
        Object container = TomcatInternals.standardContext(context);
        try {
            while (container != null) {
                Object pipeline = TomcatInternals.call(container, "getPipeline");
                for (Object valve : (Object[]) TomcatInternals.call(pipeline, "getValves")) {
                    out.addAll(headerNames(valve));
                }
                container = TomcatInternals.call(container, "getParent"); // host, engine, then none
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read the fields Tomcat's valves read; the known ones are removed: " + e, e);
        }
        return out;
    }

    private static List<String> headerNames(Object valve) throws ReflectiveOperationException {
        List<String> out = new ArrayList<>();
        for (Method m : valve.getClass().getMethods()) {
            if (m.getParameterCount() == 0 && m.getReturnType() == String.class && m.getName().startsWith("get")
                    && m.getName().endsWith("Header") && !Modifier.isStatic(m.getModifiers())) {
                Object value = m.invoke(valve);
                if (value != null) {
                    out.add((String) value);
                }
            }
        }
        return out;
    }
}
