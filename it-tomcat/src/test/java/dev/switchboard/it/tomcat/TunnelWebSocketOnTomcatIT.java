package dev.switchboard.it.tomcat;

import java.net.URL;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.it.ProxyDeployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.proxy.BackendServer;
import dev.switchboard.testing.proxy.ProxyBackends;
import dev.switchboard.it.scenarios.TunnelWebSocketScenarios;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TunnelWebSocketOnTomcatIT extends TunnelWebSocketScenarios {

    /** The backend: a second embedded Tomcat (the same version as the gateway's). */
    @RegisterExtension
    static final BackendServer BACKEND = BackendServer.of(() ->
            EmbeddedTomcat.builder(ProxyDeployments.backend(ProxyBackends.BACKEND_CONTEXT))
                    .port(ProxyBackends.TOMCAT_PORT).start());

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ProxyDeployments.gateway("proxy-ws", Map.of());
    }

    @ArquillianResource
    URL base;

    @Override
    protected ServerUnderTest server() {
        return ArquillianServer.of(base);
    }
}
