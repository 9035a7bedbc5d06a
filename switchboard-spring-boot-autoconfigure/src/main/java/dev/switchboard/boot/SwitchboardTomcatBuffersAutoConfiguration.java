package dev.switchboard.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Small per-connection buffers on Boot's embedded Tomcat, so that many idle connections
 * (WebSocket sessions above all) fit in a small heap: a {@link TomcatConnectorCustomizer}
 * installs upgrade-tomcat's {@code ConnectionBuffers} on the main connector Boot creates,
 * configured from {@code switchboard.tomcat.connection-buffers.*}. On by default wherever
 * upgrade-tomcat and Boot 4's Tomcat are on the class path (the starter brings upgrade-tomcat);
 * {@code switchboard.tomcat.connection-buffers.enabled=false} keeps Tomcat's sizes. Off with
 * {@code switchboard.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "switchboard.enabled", havingValue = "true", matchIfMissing = true)
public class SwitchboardTomcatBuffersAutoConfiguration {

    private static final String CONNECTION_BUFFERS = "dev.switchboard.tomcat.buffers.ConnectionBuffers";
    private static final String CONNECTOR = "org.apache.catalina.connector.Connector";
    private static final String CUSTOMIZER = "org.springframework.boot.tomcat.TomcatConnectorCustomizer";

    /** Loaded only once Tomcat's and upgrade-tomcat's types are known to be there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = ConnectionBuffersProperties.ENABLED, havingValue = "true", matchIfMissing = true)
    @ConditionalOnClass(name = {CONNECTION_BUFFERS, CONNECTOR, CUSTOMIZER})
    static class OnTomcat {

        /** Installs the configured buffers on each new main connector; the settings are checked now. */
        @Bean
        TomcatConnectorCustomizer switchboardConnectionBuffers(Environment environment) {
            TomcatConnectionBuffers.configured(environment);
            return connector -> TomcatConnectionBuffers.configured(environment).install(connector);
        }
    }
}
