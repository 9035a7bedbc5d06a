package dev.switchboard.tomcat.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.tls.TestKeyStore;
import dev.switchboard.testing.tls.TomcatHttps;
import dev.switchboard.servlet.container.ContainerSupport;
import dev.switchboard.servlet.container.GuaranteedCollection;
import jakarta.servlet.ServletContext;

/** What Tomcat's support reads of a context's configuration for the TLS policy, on a running Tomcat. */
class TomcatConfigurationTest {

    private Tomcat tomcat;
    private Context context;
    private SecurityConstraint confidential;

    @BeforeEach
    void start() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "config").toString());
        tomcat.getConnector().setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        context = tomcat.addContext("/app", null);
        confidential = new SecurityConstraint();
        confidential.setUserConstraint("CONFIDENTIAL");
        SecurityCollection collection = new SecurityCollection();
        collection.addPattern("/secure/*");
        confidential.addCollection(collection);
        context.addConstraint(confidential);
        RemoteIpValve valve = new RemoteIpValve();
        valve.setRemoteIpHeader("X-Client-Ip");
        context.getPipeline().addValve(valve);
        tomcat.start();
    }

    @AfterEach
    void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    private ContainerSupport support() {
        return ContainerSupport.of(servletContext());
    }

    private ServletContext servletContext() {
        return context.getServletContext();
    }

    @Test
    void theContextsTransportGuaranteesAreReadAsTomcatHoldsThem() {
        assertThat(support().transportGuarantees(servletContext(), false)).contains(
                List.of(new GuaranteedCollection(List.of("/secure/*"), Set.of(), Set.of())));
        assertThat(confidential.getUserConstraint()).isEqualTo("CONFIDENTIAL");
    }

    @Test
    void takingTheGuaranteesOverLeavesTomcatNothingToRedirect() {
        assertThat(support().transportGuarantees(servletContext(), true)).isPresent();
        assertThat(confidential.getUserConstraint()).isEqualTo("NONE");
        assertThat(support().transportGuarantees(servletContext(), false)).contains(List.of());
    }

    @Test
    void theFieldsAValveBelievesAreNamed() {
        assertThat(support().identityFields(servletContext())).contains("X-Client-Ip");
    }

    @Test
    void theCertificateOfAnHttpsConnectorIsSeen() throws Exception {
        TestKeyStore keys = TestKeyStore.shared();
        int https = TomcatHttps.addConnector(tomcat.getService(), 0, keys);
        assertThat(support().tlsConnectorCertificates(servletContext()))
                .hasValueSatisfying(connectors -> assertThat(connectors)
                        .containsEntry("the TLS connector on port " + https, List.of(keys.certificate())));
    }

    @Test
    void aContextThatIsNotTomcatsIsNotRead() {
        ServletContext other = (ServletContext) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> null);
        assertThat(TomcatSupport.INSTANCE.transportGuarantees(other, true)).isEmpty();
        assertThat(TomcatSupport.INSTANCE.tlsConnectorCertificates(other)).isEmpty();
        assertThat(TomcatSupport.INSTANCE.identityFields(other)).isEmpty();
    }
}
