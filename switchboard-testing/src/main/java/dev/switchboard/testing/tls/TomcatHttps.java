package dev.switchboard.testing.tls;

import java.lang.management.ManagementFactory;
import java.util.Set;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.catalina.LifecycleException;
import org.apache.catalina.Service;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/**
 * A real HTTPS connector on a running embedded Tomcat, with a {@link TestKeyStore}: for
 * tests that compare RFC 2817 with a direct TLS connection, or need requests that the
 * container itself calls secure.
 */
public final class TomcatHttps {

    private TomcatHttps() {
    }

    /**
     * Adds an HTTPS connector on {@code 127.0.0.1:port} (0 for a free port) to
     * {@code service}, unless one is already there, and returns its port.
     */
    public static synchronized int addConnector(Service service, int port, TestKeyStore keys) throws LifecycleException {
        for (Connector c : service.findConnectors()) {
            if (c.getSecure() && "https".equals(c.getScheme())) {
                return c.getLocalPort();
            }
        }
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        connector.setScheme("https");
        connector.setSecure(true);
        connector.setProperty("SSLEnabled", "true");
        SSLHostConfig ssl = new SSLHostConfig();
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(keys.file().toString());
        certificate.setCertificateKeystorePassword(keys.password());
        certificate.setCertificateKeystoreType("PKCS12");
        ssl.addCertificate(certificate);
        connector.addSslHostConfig(ssl);
        service.addConnector(connector);
        if (!connector.getState().isAvailable()) {
            connector.start();
        }
        return connector.getLocalPort();
    }

    /**
     * Removes the HTTPS connector on {@code port} from {@code service}, if there is one: what
     * {@link #addConnector} added, for a test class that must leave a shared Tomcat as it
     * found it.
     */
    public static synchronized void removeConnector(Service service, int port) throws LifecycleException {
        for (Connector c : service.findConnectors()) {
            if (c.getSecure() && c.getLocalPort() == port) {
                service.removeConnector(c);
                c.destroy();
            }
        }
    }

    /**
     * The only Tomcat {@code Service} running in this JVM, found through JMX: for tests that
     * run in the same JVM as a container they did not start (Arquillian's embedded Tomcat).
     *
     * @throws IllegalStateException if there is not exactly one
     */
    public static Service service() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            Set<ObjectName> names = server.queryNames(new ObjectName("*:type=Service"), null);
            if (names.size() != 1) {
                throw new IllegalStateException("expected one Tomcat Service MBean but found " + names);
            }
            return (Service) server.getAttribute(names.iterator().next(), "managedResource");
        } catch (JMException e) {
            throw new IllegalStateException("Cannot reach the Tomcat Service through JMX", e);
        }
    }
}
