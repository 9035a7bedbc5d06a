package dev.switchboard.tls.internal.engine;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The names a server certificate is valid for, as a client checks them (RFC 6125 section
 * 6.4): its DNS and IP subject alternative names, or, when it has none, the common name of its
 * subject. A DNS name may start with one {@code *} label, which stands for exactly one label
 * of the host. Names compare ignoring case. Immutable.
 */
public final class CertificateNames {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private final Set<String> names;

    private CertificateNames(Set<String> names) {
        this.names = names;
    }

    /** The names of {@code certificate}, in lower case; wildcards such as {@code *.example.com} kept. */
    public static CertificateNames of(X509Certificate certificate) {
        Set<String> names = new TreeSet<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    if (entry.size() >= 2 && entry.get(0) instanceof Integer type
                            && (type == DNS_NAME || type == IP_ADDRESS) && entry.get(1) instanceof String name) {
                        names.add(name.toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // read as having no alternative names
        }
        if (names.isEmpty()) {
            String cn = commonName(certificate);
            if (cn != null) {
                names.add(cn.toLowerCase(Locale.ROOT));
            }
        }
        return new CertificateNames(Set.copyOf(names));
    }

    /** Whether the certificate is for {@code host} (a DNS name or IP literal, without port). */
    boolean matches(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String name : names) {
            if (name.equals(h) || covers(name, h)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a client that accepts {@code a} for some name would accept {@code b} for it too:
     * the same key, or a name (or wildcard) in common.
     */
    public static boolean interchangeable(X509Certificate a, X509Certificate b) {
        if (a.getPublicKey().equals(b.getPublicKey())) {
            return true;
        }
        CertificateNames theirs = of(b);
        for (String name : of(a).names) {
            for (String other : theirs.names) {
                if (name.equals(other) || covers(name, other) || covers(other, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The names, sorted, comma-separated. */
    @Override
    public String toString() {
        return String.join(", ", new TreeSet<>(names));
    }

    /** Whether {@code pattern} ({@code *.example.com}) covers {@code name} ({@code www.example.com}). */
    private static boolean covers(String pattern, String name) {
        if (!pattern.startsWith("*.")) {
            return false;
        }
        int dot = name.indexOf('.');
        return dot > 0 && name.substring(dot).equals(pattern.substring(1));
    }

    private static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            // no common name then
        }
        return null;
    }
}
