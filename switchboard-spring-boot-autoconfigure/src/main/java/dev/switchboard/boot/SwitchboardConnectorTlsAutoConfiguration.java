package dev.switchboard.boot;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

import dev.switchboard.tls.TlsPolicyOptions;

/**
 * RFC 2817's mandatory form, {@code OPTIONS *} with {@code Upgrade: TLS/1.x}, on Boot's
 * embedded Tomcat connector: with {@code switchboard.tls.connector.keystore-file} set, a
 * {@link TomcatConnectorCustomizer} installs upgrade-tomcat's {@code ConnectorTls} on the main
 * connector, configured from {@code switchboard.tls.connector.*}. It needs upgrade-tomcat on
 * the class path and Boot 4's Tomcat ({@code spring-boot-tomcat}); with the property set but
 * either missing, start-up fails rather than serve without it. The application's 426 page then
 * offers the upgrade at the connector ({@code switchboard.tls.connector-upgrade}, unless set
 * explicitly). Off with {@code switchboard.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "switchboard.enabled", havingValue = "true", matchIfMissing = true)
public class SwitchboardConnectorTlsAutoConfiguration {

    /** What the customizer needs: upgrade-tomcat, Tomcat, and Boot 4's Tomcat integration. */
    private static final String CONNECTOR_TLS = "dev.switchboard.tomcat.tls.ConnectorTls";
    private static final String CONNECTOR = "org.apache.catalina.connector.Connector";
    private static final String CUSTOMIZER = "org.springframework.boot.tomcat.TomcatConnectorCustomizer";
    private static final String CONNECTOR_UPGRADE_PROPERTY = "switchboard.tls.connector-upgrade";

    /** Fails start-up when the property asks for RFC 2817 at the connector and something it needs is missing. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = ConnectorTlsProperties.KEYSTORE_FILE)
    static class Requirements {
        Requirements(ResourceLoader loader) {
            for (String type : List.of(CONNECTOR_TLS, CONNECTOR, CUSTOMIZER)) {
                if (!ClassUtils.isPresent(type, loader.getClassLoader())) {
                    throw new SwitchboardConfigurationException(ConnectorTlsProperties.KEYSTORE_FILE
                            + " is set, but RFC 2817 at the connector needs " + type + ", which is not on the class path",
                            "Add dev.switchboard:upgrade-tomcat and run on Spring Boot 4's embedded Tomcat, or remove "
                                    + ConnectorTlsProperties.KEYSTORE_FILE + ".");
                }
            }
        }
    }

    /** Loaded only once Tomcat's and upgrade-tomcat's types are known to be there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = ConnectorTlsProperties.KEYSTORE_FILE)
    @ConditionalOnClass(name = {CONNECTOR_TLS, CONNECTOR, CUSTOMIZER})
    static class OnTomcat {

        /** Installs a fresh {@code ConnectorTls} on each new main connector; the settings are checked now. */
        @Bean
        TomcatConnectorCustomizer switchboardConnectorTls(Environment environment) {
            TomcatConnectorTls.configured(environment);
            return connector -> TomcatConnectorTls.configured(environment).install(connector);
        }

        /**
         * Tells the application that the connector serves {@code OPTIONS *}, so that its 426 page
         * offers it, unless {@code switchboard.tls.connector-upgrade} is set explicitly.
         */
        @Bean
        ServletContextInitializer switchboardConnectorUpgradeOffered(Environment environment) {
            boolean explicit = Binder.get(environment).bind(CONNECTOR_UPGRADE_PROPERTY, Boolean.class).isBound();
            return context -> {
                if (!explicit) {
                    context.setInitParameter(TlsPolicyOptions.CONNECTOR_UPGRADE, "true");
                }
            };
        }
    }
}
