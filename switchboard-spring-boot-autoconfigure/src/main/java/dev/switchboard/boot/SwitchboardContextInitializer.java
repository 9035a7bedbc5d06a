package dev.switchboard.boot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeRegistry;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.env.Environment;

/**
 * Prepares the servlet context the way Switchboard's initializers would in a WAR, before its
 * filters start: the {@code switchboard.*} properties become context parameters, the
 * application's {@link UpgradeProtocol} beans join the context's {@link UpgradeRegistry}, and
 * the optional modules' initializers run ({@link SwitchboardModules}).
 */
final class SwitchboardContextInitializer implements ServletContextInitializer {

    private final Environment environment;
    private final SwitchboardParameters parameters;
    private final List<UpgradeProtocol> protocols;
    private final Set<Class<?>> endpointClasses;
    private final ClassLoader loader;

    SwitchboardContextInitializer(Environment environment, SwitchboardParameters parameters,
            List<UpgradeProtocol> protocols, Set<Class<?>> endpointClasses, ClassLoader loader) {
        this.environment = environment;
        this.parameters = parameters;
        this.protocols = List.copyOf(protocols);
        this.endpointClasses = new LinkedHashSet<>(endpointClasses);
        this.loader = loader;
    }

    @Override
    public void onStartup(ServletContext context) throws ServletException {
        ForwardedHeaders.check(environment, parameters, context.getServerInfo());
        for (Map.Entry<String, String> p : parameters.values().entrySet()) {
            String existing = context.getInitParameter(p.getKey());
            if (existing != null && !existing.equals(p.getValue())) {
                throw new SwitchboardConfigurationException(p.getKey() + " is set twice, as a context parameter ("
                        + existing + ") and through a switchboard.* property (" + p.getValue() + ")",
                        "Keep one of the two: remove server.servlet.context-parameters." + p.getKey()
                                + " or the switchboard.* property.");
            }
            context.setInitParameter(p.getKey(), p.getValue());
        }
        UpgradeRegistry registry = UpgradeRegistry.of(context);
        for (UpgradeProtocol protocol : protocols) {
            registry.register(protocol);
        }
        SwitchboardModules.start(context, loader, endpointClasses);
    }
}
