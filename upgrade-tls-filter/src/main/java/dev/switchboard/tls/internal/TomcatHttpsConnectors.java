package dev.switchboard.tls.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
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
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.ServletContext;

/**
 * The certificates that the TLS connectors of the application's Tomcat present, read by
 * reflection through the context's host, engine and service. A connector's key store is
 * loaded when it is initialised, before its applications start, so a server configured in
 * {@code server.xml} (or embedded, before {@code start()}) is seen whole; a connector added
 * afterwards is not. Other containers give an application no way to their connectors.
 */
final class TomcatHttpsConnectors {

    private static final Logger LOG = Logger.getLogger(TomcatHttpsConnectors.class.getName());

    private TomcatHttpsConnectors() {
    }

    /**
     * The certificates of every TLS connector, by a description of the connector; empty when
     * {@code context} is not a readable Tomcat context.
     */
    static Optional<Map<String, List<X509Certificate>>> read(ServletContext context) {
        Object standardContext = TomcatInternals.standardContext(context);
        if (standardContext == null) {
            return Optional.empty();
        }
        try {
            Object host = TomcatInternals.call(standardContext, "getParent");
            Object engine = TomcatInternals.call(host, "getParent");
            Object service = TomcatInternals.call(engine, "getService");
            Map<String, List<X509Certificate>> out = new LinkedHashMap<>();
            for (Object connector : (Object[]) TomcatInternals.call(service, "findConnectors")) {
                List<X509Certificate> certificates = certificates(connector);
                if (!certificates.isEmpty()) {
                    out.put("the TLS connector on port " + port(connector), certificates);
                }
            }
            return Optional.of(out);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read Tomcat's TLS connectors: " + e, e);
            return Optional.empty();
        }
    }

    /** The port the connector listens on: the one it was given, or the one it got for port 0. */
    private static Object port(Object connector) throws ReflectiveOperationException {
        Object local = TomcatInternals.call(connector, "getLocalPort");
        return local instanceof Integer p && p > 0 ? p : TomcatInternals.call(connector, "getPort");
    }

    private static List<X509Certificate> certificates(Object connector) throws ReflectiveOperationException {
        Object handler = TomcatInternals.call(connector, "getProtocolHandler");
        Object[] configs;
        try {
            if (!Boolean.TRUE.equals(TomcatInternals.call(handler, "isSSLEnabled"))) {
                return List.of();
            }
            configs = (Object[]) TomcatInternals.call(handler, "findSslHostConfigs");
        } catch (NoSuchMethodException e) {
            return List.of(); // not an HTTP connector
        }
        List<X509Certificate> out = new ArrayList<>();
        for (Object config : configs) {
            for (Object certificate : (Set<?>) TomcatInternals.call(config, "getCertificates")) {
                out.addAll(certificatesOf(certificate));
            }
        }
        return out;
    }

    private static List<X509Certificate> certificatesOf(Object certificate) throws ReflectiveOperationException {
        try {
            KeyStore store = (KeyStore) TomcatInternals.call(certificate, "getCertificateKeystore");
            if (store != null) {
                return keyEntries(store);
            }
            Object file = TomcatInternals.call(certificate, "getCertificateFile");
            return file == null ? List.of() : pem(Path.of((String) file));
        } catch (InvocationTargetException e) {
            LOG.log(Level.WARNING, "Cannot read a certificate of a Tomcat TLS connector: " + e.getCause(), e);
            return List.of();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read a certificate of a Tomcat TLS connector: " + e, e);
            return List.of();
        }
    }

    /** The first certificate of every key entry of {@code store}: what a server may present. */
    static List<X509Certificate> keyEntries(KeyStore store) throws GeneralSecurityException {
        List<X509Certificate> out = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate c) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<X509Certificate> pem(Path file) throws IOException, GeneralSecurityException {
        List<X509Certificate> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                if (c instanceof X509Certificate x) {
                    out.add(x);
                    break; // the server's own certificate comes first; the rest is its chain
                }
            }
        }
        return out;
    }
}
