package dev.switchboard.servlet;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;

/**
 * Sets Switchboard up when its jar is in {@code WEB-INF/lib}:
 * <ol>
 *   <li>registers every {@link RegisterUpgradeProtocol}-annotated protocol class;</li>
 *   <li>unless the context param {@code switchboard.enabled} is {@code false}, adds
 *       {@link UpgradeFilter} for {@code switchboard.urlPatterns} (default {@code /*}) together
 *       with the enabled {@link FilterContribution}s of other Switchboard jars, in their order,
 *       ahead of the filters declared in web.xml.</li>
 * </ol>
 * With {@code switchboard.enabled=false}, declare the filters in web.xml yourself.
 */
@HandlesTypes(RegisterUpgradeProtocol.class)
public final class SwitchboardInitializer implements ServletContainerInitializer {

    /** The name under which {@link UpgradeFilter} is added. */
    public static final String FILTER_NAME = "switchboard-upgrade";

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
        List<FilterContribution> contributions = new ArrayList<>();
        for (FilterContribution c : Services.load(FilterContribution.class, context.getClassLoader())) {
            if (c.enabled(context, settings)) {
                contributions.add(c);
            }
        }
        contributions.add(new UpgradeFilterContribution());
        contributions.sort(Comparator.comparingInt(FilterContribution::order));
        for (FilterContribution c : contributions) {
            add(context, c.name(), c.create(context, settings), c.urlPatterns(settings));
        }
    }

    private static void add(ServletContext context, String name, Filter filter, List<String> patterns) {
        FilterRegistration.Dynamic registration = context.addFilter(name, filter);
        if (registration == null) {
            LOG.info("Filter " + name + " is declared by the application; leaving it as declared");
            return;
        }
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false,
                patterns.toArray(new String[0]));
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

    /** {@link UpgradeFilter} as a contribution, so that it is ordered with the others. */
    private static final class UpgradeFilterContribution implements FilterContribution {
        @Override
        public String name() {
            return FILTER_NAME;
        }

        @Override
        public int order() {
            return UPGRADE_FILTER_ORDER;
        }

        @Override
        public boolean enabled(ServletContext context, Settings settings) {
            return true;
        }

        @Override
        public List<String> urlPatterns(Settings settings) {
            return UpgradeDeclarations.URL_PATTERNS.get(settings);
        }

        @Override
        public Filter create(ServletContext context, Settings settings) {
            return new UpgradeFilter();
        }
    }
}
