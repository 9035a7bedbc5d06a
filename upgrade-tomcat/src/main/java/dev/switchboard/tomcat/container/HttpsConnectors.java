package dev.switchboard.tomcat.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.catalina.Container;
import org.apache.catalina.Engine;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

import jakarta.servlet.ServletContext;

/**
 * The certificates that the TLS connectors of an application's Tomcat present, through the
 * context's host, engine and service. A connector's key store is loaded when it is
 * initialised, before its applications start, so a server configured in {@code server.xml}
 * (or embedded, before {@code start()}) is seen whole; a connector added afterwards is not.
 */
final class HttpsConnectors {

    private static final Logger LOG = Logger.getLogger(HttpsConnectors.class.getName());

    private HttpsConnectors() {
    }

    /** See {@link dev.switchboard.servlet.container.ContainerSupport#tlsConnectorCertificates}. */
    static Optional<Map<String, List<X509Certificate>>> read(ServletContext context) {
        StandardContext tomcat = TomcatContexts.of(context);
        Container host = tomcat == null ? null : tomcat.getParent();
        if (host == null || !(host.getParent() instanceof Engine engine) || engine.getService() == null) {
            return Optional.empty();
        }
        try {
            Map<String, List<X509Certificate>> out = new LinkedHashMap<>();
            for (Connector connector : engine.getService().findConnectors()) {
                List<X509Certificate> certificates = certificates(connector);
                if (!certificates.isEmpty()) {
                    int port = connector.getLocalPort() > 0 ? connector.getLocalPort() : connector.getPort();
                    out.put("the TLS connector on port " + port, certificates);
                }
            }
            return Optional.of(out);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read Tomcat's TLS connectors: " + e, e);
            return Optional.empty();
        }
    }

    private static List<X509Certificate> certificates(Connector connector) {
        if (!(connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) || !http.isSSLEnabled()) {
            return List.of();
        }
        List<X509Certificate> out = new ArrayList<>();
        for (SSLHostConfig config : http.findSslHostConfigs()) {
            for (SSLHostConfigCertificate certificate : config.getCertificates()) {
                out.addAll(certificatesOf(certificate));
            }
        }
        return out;
    }

    private static List<X509Certificate> certificatesOf(SSLHostConfigCertificate certificate) {
        try {
            KeyStore store = certificate.getCertificateKeystore();
            if (store != null) {
                return keyEntries(store);
            }
            String file = certificate.getCertificateFile();
            return file == null ? List.of() : pem(Path.of(file));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read a certificate of a Tomcat TLS connector: " + e, e);
            return List.of();
        }
    }

    /** The first certificate of every key entry of {@code store}: what a server may present. */
    private static List<X509Certificate> keyEntries(KeyStore store) throws GeneralSecurityException {
        List<X509Certificate> out = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate c) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<X509Certificate> pem(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                if (c instanceof X509Certificate x) {
                    return List.of(x); // the server's own certificate comes first; the rest is its chain
                }
            }
        }
        return List.of();
    }
}
