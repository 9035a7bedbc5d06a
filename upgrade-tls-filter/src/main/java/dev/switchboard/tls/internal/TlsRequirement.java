package dev.switchboard.tls.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.Upgrade;
import dev.switchboard.http.UpgradeRequiredException;
import dev.switchboard.servlet.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a cleartext request for a resource that requires TLS, before anything else has
 * run for it: {@code 426 Upgrade Required} with the TLS tokens, {@code Connection: upgrade}
 * and a page in the format the client accepts (TLS-05, TLS-06), or, in redirect mode, a
 * redirect to the https URL.
 *
 * <p>The {@code Upgrade} field names TLS whatever the configuration: RFC 9110 section
 * 15.5.22 requires it in a 426, and RFC 2817 section 4.2 gives it the TLS version required,
 * which the https URL satisfies as well. The page invites the client to upgrade this
 * connection in place only where RFC 2817's optional form would switch its request; else it
 * names the https URL alone (TLS-11). Where the cleartext connector serves RFC 2817's
 * mandatory form, the page says so too. Immutable and thread-safe.
 */
public final class TlsRequirement {

    private final Upgrade upgrade;
    private final int httpsPort;
    private final int redirectStatus;
    private final UpgradeForms invitation;
    private final String connectorOffer;

    /**
     * @param upgrade the value of the 426's {@code Upgrade}
     * @param httpsPort the port of the https URL
     * @param redirectStatus the redirect status, or 0 to answer 426
     * @param invitation the requests whose page invites an upgrade in place; null for none
     *     (RFC 2817 off)
     * @param connectorOffer the {@code Upgrade} value the page offers for {@code OPTIONS *} at
     *     the cleartext connector; null when the connector does not serve it
     */
    public TlsRequirement(Upgrade upgrade, int httpsPort, int redirectStatus, UpgradeForms invitation,
            String connectorOffer) {
        this.upgrade = upgrade;
        this.httpsPort = httpsPort;
        this.redirectStatus = redirectStatus;
        this.invitation = invitation;
        this.connectorOffer = connectorOffer;
    }

    /** Writes the answer and completes the response. */
    public void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String url = HttpsLocation.of(request, httpsPort);
        if (redirectStatus != 0) {
            redirect(response, url);
            return;
        }
        ResponseFormat format = ResponseFormat.choose(Collections.list(request.getHeaders(HttpSpec.ACCEPT)));
        UpgradeRequiredException error = new UpgradeRequiredException(upgrade, UpgradeRequiredPage.reason(url),
                Map.of(HttpSpec.VARY, HttpSpec.ACCEPT));
        Refusals.send(response, error, format.contentType(),
                UpgradeRequiredPage.render(format, url, invites(request) ? upgrade.toHeaderValue() : null, connectorOffer));
    }

    /** Whether sending {@code request} again with {@code Upgrade: TLS/1.x} would get it switched. */
    private boolean invites(HttpServletRequest request) {
        return invitation != null
                && invitation.optional(request.getMethod(), TlsPolicy.pathWithinApplication(request));
    }

    private void redirect(HttpServletResponse response, String url) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        byte[] body = ("This resource requires TLS: " + url + "\n").getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(redirectStatus);
        response.setHeader(HttpSpec.LOCATION, url);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
