package dev.switchboard.tls.internal;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The names a server certificate is valid for, as a client checks them (RFC 6125): its DNS
 * and IP subject alternative names, or its common name when it has none; and whether two
 * certificates would satisfy a client for a common name. Stateless.
 */
final class CertificateNames {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private CertificateNames() {
    }

    /** The names {@code certificate} is valid for, in lower case; wildcards such as {@code *.example.com} kept. */
    static Set<String> of(X509Certificate certificate) {
        Set<String> names = new TreeSet<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    Object type = alternative.get(0);
                    if ((Integer.valueOf(DNS_NAME).equals(type) || Integer.valueOf(IP_ADDRESS).equals(type))
                            && alternative.get(1) instanceof String name) {
                        names.add(name.toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // read as having no alternative names
        }
        if (names.isEmpty()) {
            commonName(certificate).ifPresent(cn -> names.add(cn.toLowerCase(Locale.ROOT)));
        }
        return names;
    }

    /**
     * Whether a client that accepts {@code a} for some name would accept {@code b} for it too:
     * the same key, or a name (or wildcard) in common.
     */
    static boolean interchangeable(X509Certificate a, X509Certificate b) {
        if (a.getPublicKey().equals(b.getPublicKey())) {
            return true;
        }
        Set<String> theirs = of(b);
        for (String name : of(a)) {
            for (String other : theirs) {
                if (name.equals(other) || covers(name, other) || covers(other, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code pattern} ({@code *.example.com}) covers {@code name} ({@code www.example.com}). */
    private static boolean covers(String pattern, String name) {
        if (!pattern.startsWith("*.")) {
            return false;
        }
        int dot = name.indexOf('.');
        return dot > 0 && name.substring(dot).equals(pattern.substring(1));
    }

    private static Optional<String> commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            // no common name then
        }
        return Optional.empty();
    }
}
