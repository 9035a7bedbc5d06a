package dev.switchboard.tls.internal;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.Upgrade;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose {@code Upgrade} field shows only its TLS offers: on a resource that
 * requires TLS, a cleartext switch to any other protocol must not happen.
 */
public final class TlsOffersOnlyRequest extends HttpServletRequestWrapper {

    private final String upgrade;

    public TlsOffersOnlyRequest(HttpServletRequest request, Upgrade tlsOffers) {
        super(request);
        this.upgrade = tlsOffers.toHeaderValue();
    }

    private static boolean isUpgrade(String name) {
        return HttpSpec.UPGRADE.equalsIgnoreCase(name);
    }

    @Override
    public String getHeader(String name) {
        return isUpgrade(name) ? upgrade : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return isUpgrade(name) ? Collections.enumeration(List.of(upgrade)) : super.getHeaders(name);
    }
}
