package dev.switchboard.tls.internal;

import java.io.IOException;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpVersion;
import dev.switchboard.http.Upgrade;
import dev.switchboard.servlet.Exchange;
import dev.switchboard.servlet.Stage;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The {@code TLS_POLICY} stage, on the request as the transport stage shows it:
 * <ul>
 *   <li>a secure request is served, with {@code Strict-Transport-Security} where configured
 *       (TLS-10);</li>
 *   <li>a cleartext request for a protected resource gets the {@link TlsRequirement} (426 or a
 *       redirect, TLS-05, TLS-06), unless it offers to upgrade to TLS: then its offer is narrowed
 *       to the TLS tokens, which is the only switch it may get, and the requirement is left in
 *       the exchange for {@link GuardStage} in case the switch does not happen;</li>
 *   <li>other cleartext requests are served, advertising the upgrade where configured (TLS-07,
 *       TLS-11).</li>
 * </ul>
 */
public final class PolicyStage implements Stage {

    /** The requirement that a request awaiting its switch to TLS must meet, for {@link GuardStage}. */
    public static final Exchange.Key<TlsRequirement> REQUIRED = new Exchange.Key<>("tls.required", TlsRequirement.class);

    private final TlsPolicy policy;
    private final TlsRequirement requirement;
    private final UpgradeForms forms;
    private final String hsts;
    private final String advertised;

    /**
     * @param hsts the {@code Strict-Transport-Security} value, or null
     * @param advertised the {@code Upgrade} value advertised on optional-form resources, or null
     */
    public PolicyStage(TlsPolicy policy, TlsRequirement requirement, UpgradeForms forms, String hsts,
            String advertised) {
        this.policy = policy;
        this.requirement = requirement;
        this.forms = forms;
        this.hsts = hsts;
        this.advertised = advertised;
    }

    @Override
    public void run(Exchange exchange, Next next) throws IOException, ServletException {
        HttpServletRequest seen = exchange.request();
        HttpServletResponse response = exchange.response();
        Transport transport = exchange.get(TransportStage.TRANSPORT);
        if (transport == null) {
            transport = Transport.container(seen);
        }
        Upgrade offered = exchange.upgrade().offeredOrNull();
        switch (policy.decide(seen, transport, offered)) {
            case SECURE -> {
                if (hsts != null) {
                    response.setHeader(HttpSpec.STRICT_TRANSPORT_SECURITY, hsts);
                }
                next.proceed();
            }
            case CLEARTEXT -> {
                if (advertised != null && HttpVersion.allowsUpgrade(seen.getProtocol())
                        && forms.optionalFor(TlsPolicy.pathWithinApplication(seen))) {
                    response.setHeader(HttpSpec.UPGRADE, advertised);
                    response.setHeader(HttpSpec.CONNECTION, HttpSpec.CONNECTION_OPTION_UPGRADE);
                }
                next.proceed();
            }
            case AWAIT_UPGRADE -> {
                exchange.put(REQUIRED, requirement);
                Upgrade tlsOffers = Upgrade.of(policy.tlsOffers(offered));
                exchange.narrowUpgrade(tlsOffers);
                exchange.wrapRequest(new TlsOffersOnlyRequest(seen, tlsOffers));
                next.proceed();
            }
            case REQUIRE_TLS -> requirement.send(seen, response);
        }
    }

    @Override
    public String toString() {
        return "TLS policy";
    }
}
