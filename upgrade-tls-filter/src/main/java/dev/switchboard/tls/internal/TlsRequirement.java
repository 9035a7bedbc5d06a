package dev.switchboard.tls.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;

import dev.switchboard.http.Upgrade;
import dev.switchboard.http.UpgradeRequiredException;
import dev.switchboard.servlet.Refusals;
import dev.switchboard.tls.TlsSpec;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a cleartext request for a resource that requires TLS, before anything else has
 * run for it: {@code 426 Upgrade Required} with the TLS tokens, {@code Connection: upgrade}
 * and a page in the format the client accepts (TLS-05, TLS-06), or, in redirect mode, a
 * redirect to the https URL. Immutable and thread-safe.
 */
public final class TlsRequirement {

    private final Upgrade upgrade;
    private final int httpsPort;
    private final int redirectStatus;

    /**
     * @param upgrade the value of the 426's {@code Upgrade}
     * @param httpsPort the port of the https URL
     * @param redirectStatus the redirect status, or 0 to answer 426
     */
    public TlsRequirement(Upgrade upgrade, int httpsPort, int redirectStatus) {
        this.upgrade = upgrade;
        this.httpsPort = httpsPort;
        this.redirectStatus = redirectStatus;
    }

    /** Writes the answer and completes the response. */
    public void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String url = HttpsLocation.of(request, httpsPort);
        if (redirectStatus != 0) {
            redirect(response, url);
            return;
        }
        ResponseFormat format = ResponseFormat.choose(Collections.list(request.getHeaders(TlsSpec.ACCEPT)));
        UpgradeRequiredException error = new UpgradeRequiredException(upgrade, UpgradeRequiredPage.reason(url),
                Map.of(TlsSpec.VARY, TlsSpec.ACCEPT));
        Refusals.send(response, error, format.contentType(),
                UpgradeRequiredPage.render(format, url, upgrade.toHeaderValue()));
    }

    private void redirect(HttpServletResponse response, String url) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        byte[] body = ("This resource requires TLS: " + url + "\n").getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(redirectStatus);
        response.setHeader(TlsSpec.LOCATION, url);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
