package dev.switchboard.tls.internal;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import dev.switchboard.http.AddressSet;
import dev.switchboard.http.Connection;
import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpVersion;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.Upgrade;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides, for a request whose transport is known, whether it may be served: secure
 * requests always; cleartext ones unless a protected resource is asked for by a client that
 * is not exempt. Immutable and thread-safe.
 */
public final class TlsPolicy {

    private final ProtectedResources resources;
    private final AddressSet exemptAddresses;
    private final List<ProtocolToken> upgradeTokens;
    private final UpgradeForms forms;

    /**
     * @param upgradeTokens the tokens the RFC 2817 protocol answers to; empty when it is off
     * @param forms which requests the RFC 2817 protocol may switch
     */
    public TlsPolicy(ProtectedResources resources, AddressSet exemptAddresses, List<ProtocolToken> upgradeTokens,
            UpgradeForms forms) {
        this.resources = resources;
        this.exemptAddresses = exemptAddresses;
        this.upgradeTokens = List.copyOf(upgradeTokens);
        this.forms = forms;
    }

    /**
     * @param offered the request's {@code Upgrade} field as read (once, under the context's
     *     limits) for the whole request; null when absent, malformed or over a limit, which is
     *     no offer of TLS
     */
    public Verdict decide(HttpServletRequest request, Transport transport, Upgrade offered) {
        if (transport.secure()) {
            return Verdict.SECURE;
        }
        if (resources.isEmpty() || !resources.requireTls(request.getMethod(), pathWithinApplication(request))
                || exemptAddresses.containsLiteral(transport.clientAddress())) {
            return Verdict.CLEARTEXT;
        }
        return offersTls(request, offered) && forms.allows(request) ? Verdict.AWAIT_UPGRADE : Verdict.REQUIRE_TLS;
    }

    /** The decoded, normalised path that URL patterns match: servlet path plus path info. */
    public static String pathWithinApplication(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = pathInfo == null ? servletPath : servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }

    /**
     * Whether the request is an HTTP/1.1 (or later 1.x) upgrade request that offers one of the TLS tokens
     * (RFC 2817 section 3.1). A malformed field, or one over the limits, is not an offer.
     */
    private boolean offersTls(HttpServletRequest request, Upgrade offered) {
        if (upgradeTokens.isEmpty() || !HttpVersion.allowsUpgrade(request.getProtocol()) || offered == null) {
            return false;
        }
        try {
            if (!Connection.parse(lines(request.getHeaders(HttpSpec.CONNECTION))).hasUpgrade()) {
                return false;
            }
            for (ProtocolToken token : upgradeTokens) {
                if (offered.offers(token)) {
                    return true;
                }
            }
            return false;
        } catch (FieldSyntaxException e) {
            return false;
        }
    }

    /** The TLS tokens among {@code offered}, in the client's order. */
    public List<ProtocolToken> tlsOffers(Upgrade offered) {
        return offered.protocols().stream().filter(p -> upgradeTokens.stream().anyMatch(p::matches)).toList();
    }

    private static List<String> lines(Enumeration<String> values) {
        return values == null ? List.of() : Collections.list(values);
    }
}
