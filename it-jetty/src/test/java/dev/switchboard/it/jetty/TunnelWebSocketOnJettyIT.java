package dev.switchboard.it.jetty;

import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchboard.it.ProxyDeployments;
import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.proxy.BackendServer;
import dev.switchboard.testing.proxy.ProxyBackends;
import dev.switchboard.it.scenarios.TunnelWebSocketScenarios;

class TunnelWebSocketOnJettyIT extends TunnelWebSocketScenarios {

    @RegisterExtension
    static final JettyDeployment JETTY = JettyDeployment.of(() -> ProxyDeployments.gateway("proxy-ws", Map.of()));

    /** The backend: a second embedded Jetty, with Jakarta WebSocket. */
    @RegisterExtension
    static final BackendServer BACKEND = BackendServer.of(() ->
            EmbeddedJetty.builder(ProxyDeployments.backend(ProxyBackends.BACKEND_CONTEXT))
                    .port(ProxyBackends.TOMCAT_PORT).start());

    @Override
    protected ServerUnderTest server() {
        return JETTY.server();
    }
}
