package dev.switchboard.servlet;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;

/**
 * Sets Switchboard up when its jar is in {@code WEB-INF/lib}:
 * <ol>
 *   <li>registers every {@link RegisterUpgradeProtocol}-annotated protocol class;</li>
 *   <li>unless the context param {@code switchboard.enabled} is {@code false}, adds one
 *       {@link SwitchboardFilter} ({@value #FILTER_NAME}), ahead of the filters declared in
 *       web.xml, for the {@code REQUEST} dispatcher: it runs Switchboard's negotiation for
 *       {@code switchboard.urlPatterns} (default {@code /*}) among the enabled
 *       {@link StageContribution}s of other Switchboard jars, in {@link Phase} order.</li>
 * </ol>
 * With {@code switchboard.enabled=false}, declare {@link SwitchboardFilter} (or the modules'
 * filters one by one) in web.xml yourself.
 */
@HandlesTypes(RegisterUpgradeProtocol.class)
public final class SwitchboardInitializer implements ServletContainerInitializer {

    /** The name under which {@link SwitchboardFilter} is added. */
    public static final String FILTER_NAME = "switchboard";

    private static final Logger LOG = Logger.getLogger(SwitchboardInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        Settings settings = Settings.of(context);
        UpgradeRegistry registry = UpgradeRegistry.of(context);
        if (classes != null) {
            for (Class<?> type : classes) {
                if (type.isAnnotationPresent(RegisterUpgradeProtocol.class)) {
                    registry.register(instantiate(type, settings));
                }
            }
        }
        boolean enabled;
        try {
            enabled = UpgradeDeclarations.ENABLED.get(settings);
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        if (!enabled) {
            LOG.info("Switchboard filters not added: " + UpgradeOptions.ENABLED + " is false");
            return;
        }
        List<StageContribution> contributions = SwitchboardFilter.enabled(context, settings);
        FilterRegistration.Dynamic registration =
                context.addFilter(FILTER_NAME, new SwitchboardFilter(contributions));
        if (registration == null) {
            LOG.info("Filter " + FILTER_NAME + " is declared by the application; leaving it as declared");
            return;
        }
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false,
                urlPatterns(contributions, settings).toArray(new String[0]));
    }

    /**
     * The patterns the filter is mapped to: those of every stage together; {@code /*} as soon as
     * one stage sees every request (the filter then matches the others' patterns itself).
     */
    static List<String> urlPatterns(List<StageContribution> contributions, Settings settings) {
        Set<String> all = new LinkedHashSet<>(UpgradeDeclarations.URL_PATTERNS.get(settings));
        for (StageContribution c : contributions) {
            all.addAll(c.urlPatterns(settings));
        }
        return all.contains("/*") ? List.of("/*") : List.copyOf(all);
    }

    private static UpgradeProtocol instantiate(Class<?> type, Settings settings) throws ServletException {
        if (!UpgradeProtocol.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
            throw new ServletException("@RegisterUpgradeProtocol on " + type.getName()
                    + ", which is not a concrete UpgradeProtocol");
        }
        try {
            try {
                Constructor<?> withSettings = type.getConstructor(Settings.class);
                return (UpgradeProtocol) withSettings.newInstance(settings);
            } catch (NoSuchMethodException e) {
                return (UpgradeProtocol) type.getConstructor().newInstance();
            }
        } catch (InvocationTargetException e) {
            throw new ServletException("Cannot create " + type.getName() + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ServletException("Cannot create " + type.getName()
                    + ": it needs a public constructor taking nothing or Settings", e);
        }
    }
}
