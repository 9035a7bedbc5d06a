package dev.switchboard.tomcat.container;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;

import jakarta.servlet.ServletContext;

/**
 * The request fields that the valves of an application's context, host and engine read:
 * every public {@code getXxxHeader()} without arguments that answers a field name, which
 * covers {@code RemoteIpValve} ({@code remoteIpHeader}, {@code protocolHeader},
 * {@code portHeader}, {@code hostHeader}, {@code proxiesHeader}), {@code SSLValve}
 * ({@code sslClientCertHeader}, {@code sslCipherHeader}, {@code sslSessionIdHeader}, ...)
 * and valves built like them. Read at each call, so that a valve added while the server runs
 * counts too.
 */
final class IdentityValves {

    private static final Logger LOG = Logger.getLogger(IdentityValves.class.getName());

    private IdentityValves() {
    }

    /** See {@link dev.switchboard.servlet.container.ContainerSupport#identityFields}. */
    static List<String> fields(ServletContext context) {
        List<String> out = new ArrayList<>();
        try {
            for (Container c = TomcatContexts.of(context); c != null; c = c.getParent()) {
                for (Valve valve : c.getPipeline().getValves()) {
                    out.addAll(headerNames(valve));
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read the fields Tomcat's valves read; the known ones are removed: " + e, e);
        }
        return out;
    }

    private static List<String> headerNames(Valve valve) throws ReflectiveOperationException {
        List<String> out = new ArrayList<>();
        for (Method m : valve.getClass().getMethods()) {
            if (m.getParameterCount() == 0 && m.getReturnType() == String.class && m.getName().startsWith("get")
                    && m.getName().endsWith("Header") && !Modifier.isStatic(m.getModifiers())
                    && m.invoke(valve) instanceof String value) {
                out.add(value);
            }
        }
        return out;
    }
}
