package dev.switchboard.tls.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletContext;

import dev.switchboard.servlet.container.ContainerSupport;
import dev.switchboard.tls.internal.engine.CertificateNames;
import dev.switchboard.tls.internal.engine.KeyMaterial;

/**
 * Whether a TLS connector of the same server would satisfy a client with the certificate
 * RFC 2817 presents: the same key, or a name in common. That is the condition for the
 * Opossum attack (CVE-2025-49812) on RFC 2817's optional form: a man in the middle relays a
 * client that meant to reach the https port onto an upgraded cleartext connection, and the
 * client's certificate check passes. Only Tomcat lets an application see its connectors
 * (through its {@link ContainerSupport}, in upgrade-tomcat); elsewhere the answer is unknown. A certificate for the
 * same names served by another server, or by a connector added later, is not seen either.
 */
public final class SharedCertificateCheck {

    private SharedCertificateCheck() {
    }

    /**
     * The TLS connectors of {@code context}'s server that share a key or a name with
     * {@code ours}, described for a message, if none does an empty list; empty if the
     * container's connectors cannot be read.
     */
    public static Optional<List<String>> sharing(ServletContext context, List<X509Certificate> ours) {
        Optional<Map<String, List<X509Certificate>>> connectors = ContainerSupport.of(context).tlsConnectorCertificates(context);
        if (connectors.isEmpty()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        connectors.get().forEach((connector, theirs) -> {
            for (X509Certificate mine : ours) {
                for (X509Certificate other : theirs) {
                    if (CertificateNames.interchangeable(mine, other)) {
                        out.add(connector + " (" + CertificateNames.of(other) + ")");
                        return;
                    }
                }
            }
        });
        return Optional.of(out);
    }

    /**
     * The certificates a key store offers to present: that of {@code alias}, or of every key
     * entry.
     *
     * @throws IllegalArgumentException if the store cannot be read
     */
    public static List<X509Certificate> presented(KeyMaterial.Source source) {
        try (InputStream in = Files.newInputStream(source.file())) {
            KeyStore store = KeyStore.getInstance(source.type());
            store.load(in, source.password());
            if (source.alias() != null && store.getCertificate(source.alias()) instanceof X509Certificate c) {
                return List.of(c);
            }
            List<X509Certificate> out = new ArrayList<>();
            for (String name : Collections.list(store.aliases())) {
                if (store.isKeyEntry(name) && store.getCertificate(name) instanceof X509Certificate c) {
                    out.add(c);
                }
            }
            return out;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the key store " + source.file() + ": " + e.getMessage(), e);
        }
    }
}
