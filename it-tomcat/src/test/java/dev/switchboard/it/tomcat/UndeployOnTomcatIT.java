package dev.switchboard.it.tomcat;

import java.util.List;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.it.scenarios.UndeployScenarios;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UndeployOnTomcatIT extends UndeployScenarios {

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive deployment() {
        return deployment(NAME);
    }

    @ArquillianResource
    Deployer deployer;

    @Override
    protected ServerUnderTest server() {
        return ArquillianServer.deployed(NAME);
    }

    /** One loop for each connection; the tunnel's backend shares its client's: no relay thread is started. */
    @Override
    protected List<String> loopThreads() {
        return List.of("switchboard-tomcat-loop-1", "switchboard-tomcat-loop-2");
    }

    @Override
    protected void startApplication() {
        deployer.deploy(NAME);
    }

    @Override
    protected void stopApplication() {
        deployer.undeploy(NAME);
    }
}
