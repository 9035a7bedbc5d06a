package dev.switchboard.it.tomcat;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.JmxScenarios;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JmxOnTomcatIT extends JmxScenarios {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return JmxScenarios.war();
    }

    @ArquillianResource
    URL base;

    @Override
    protected ServerUnderTest server() {
        return ArquillianServer.of(base);
    }

    /**
     * upgrade-tomcat is in the application and the connector is cleartext NIO: its sessions
     * leave Tomcat's poller for the application's loops.
     */
    @Override
    protected String transport() {
        return "tomcat-loop";
    }
}
