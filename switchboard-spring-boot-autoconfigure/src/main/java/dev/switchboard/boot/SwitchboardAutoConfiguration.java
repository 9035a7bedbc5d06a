package dev.switchboard.boot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchboard.servlet.SwitchboardFilter;
import dev.switchboard.servlet.UpgradeFilter;
import dev.switchboard.servlet.UpgradeOptions;
import dev.switchboard.servlet.UpgradeProtocol;
import jakarta.servlet.ServletContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.WebApplicationContext;

/**
 * Starts Switchboard in a Boot servlet application, as its jars' initializers do in a WAR
 * (Boot's embedded containers never run a jar's {@code ServletContainerInitializer}):
 * <ul>
 *   <li>the {@code switchboard.*} properties become Switchboard's context parameters
 *       ({@link ContextParameters});</li>
 *   <li>Switchboard's filter runs first, ahead of Spring's {@code ForwardedHeaderFilter} and
 *       Spring Security's chain ({@link #FILTER_ORDER}), so that Switchboard's TLS policy
 *       answers a cleartext request for a protected resource with 426 before anything else
 *       can redirect it, refuse it or believe its forwarded fields;</li>
 *   <li>{@link UpgradeProtocol} beans are offered alongside the providers that
 *       {@code switchboard.protocols} enables.</li>
 * </ul>
 * Off with {@code switchboard.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({UpgradeFilter.class, ServletContextInitializer.class})
@ConditionalOnProperty(name = "switchboard.enabled", havingValue = "true", matchIfMissing = true)
@Import(SwitchboardFilterRegistrar.class)
public class SwitchboardAutoConfiguration {

    /**
     * Where Switchboard's one filter runs, with its stages in phase order (TLS policy, tunnel,
     * negotiation, guards). Ahead of Spring Security ({@code -100}) and of every other filter
     * Boot registers except character encoding.
     */
    public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /** Where Spring's {@code ForwardedHeaderFilter} is moved: right behind Switchboard's filter. */
    public static final int AFTER_SWITCHBOARD_ORDER = FILTER_ORDER + 10_000;

    @Bean
    static SwitchboardParameters switchboardParameters(Environment environment, ObjectProvider<SslBundles> sslBundles) {
        ClassLoader loader = ClassUtils.getDefaultClassLoader();
        Map<String, String> parameters = new LinkedHashMap<>(ContextParameters.of(environment, SwitchboardOptions.load(loader)));
        String bundle = Binder.get(environment).bind(SslBundleKeyStore.PROPERTY, String.class).orElse(null);
        if (bundle != null && !bundle.isBlank()) {
            parameters.putAll(SslBundleKeyStore.options(bundle.strip(), sslBundles.getObject(), parameters));
        }
        return new SwitchboardParameters(parameters);
    }

    @Bean
    ServletContextInitializer switchboardContextInitializer(Environment environment, SwitchboardParameters parameters,
            ObjectProvider<UpgradeProtocol> protocols, ConfigurableListableBeanFactory beans) {
        return new SwitchboardContextInitializer(environment, parameters, protocols.orderedStream().toList(),
                endpointClasses(beans), beans.getBeanClassLoader());
    }

    @Bean
    static ForwardedHeaderFilterOrder switchboardForwardedHeaderFilterOrder() {
        return new ForwardedHeaderFilterOrder();
    }

    @Bean
    SwitchboardShutdown switchboardShutdown(ApplicationContext context) {
        return new SwitchboardShutdown(() -> servletContext(context), () -> switchboardFilters(context));
    }

    private static ServletContext servletContext(ApplicationContext context) {
        return context instanceof WebApplicationContext web ? web.getServletContext() : null;
    }

    private static List<SwitchboardFilter> switchboardFilters(ApplicationContext context) {
        List<SwitchboardFilter> filters = new ArrayList<>();
        for (FilterRegistrationBean<?> registration : context.getBeansOfType(FilterRegistrationBean.class).values()) {
            if (registration.getFilter() instanceof SwitchboardFilter f) {
                filters.add(f);
            }
        }
        return filters;
    }

    /** Switchboard in {@code /actuator/health}, as {@code switchboard}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "management.health.switchboard.enabled", havingValue = "true", matchIfMissing = true)
    static class Health {

        @Bean
        static SwitchboardHealth switchboardHealthState(ApplicationContext context, SwitchboardShutdown shutdown) {
            return new SwitchboardHealth(() -> servletContext(context), shutdown);
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
        static class Boot4 {
            @Bean
            SwitchboardHealthIndicator switchboardHealthIndicator(SwitchboardHealth health) {
                return new SwitchboardHealthIndicator(health);
            }
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
        static class Boot3 {
            @Bean
            SwitchboardBoot3HealthIndicator switchboardHealthIndicator(SwitchboardHealth health) {
                return new SwitchboardBoot3HealthIndicator(health);
            }
        }
    }

    /** Spring's WebSocket endpoints under Switchboard's WebSocket policy. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.web.socket.server.support.WebSocketHandlerMapping",
            "dev.switchboard.websocket.WebSocketEndpoint", "jakarta.websocket.server.ServerEndpointConfig"})
    static class SpringWebSocket {

        @Bean
        static SpringWebSocketEndpoints switchboardSpringWebSocketEndpoints(Environment environment) {
            // The websocket protocol is on unless switchboard.protocols names others only.
            List<String> protocols = Binder.get(environment).bind(UpgradeOptions.PROTOCOLS, Bindable.listOf(String.class))
                    .orElse(List.of());
            return new SpringWebSocketEndpoints(environment.getProperty("spring.mvc.servlet.path", "/"),
                    protocols.isEmpty() || protocols.contains("websocket"));
        }
    }

    /** The application's {@code @ServerEndpoint} beans, which Spring's {@code ServerEndpointExporter} deploys. */
    private static Set<Class<?>> endpointClasses(ConfigurableListableBeanFactory beans) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        Class<? extends java.lang.annotation.Annotation> annotation = serverEndpoint(beans.getBeanClassLoader());
        if (annotation == null) {
            return classes;
        }
        for (String name : beans.getBeanNamesForAnnotation(annotation)) {
            Class<?> type = beans.getType(name);
            if (type != null) {
                classes.add(ClassUtils.getUserClass(type));
            }
        }
        return classes;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends java.lang.annotation.Annotation> serverEndpoint(ClassLoader loader) {
        try {
            return (Class<? extends java.lang.annotation.Annotation>) ClassUtils.forName(
                    "jakarta.websocket.server.ServerEndpoint", loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
