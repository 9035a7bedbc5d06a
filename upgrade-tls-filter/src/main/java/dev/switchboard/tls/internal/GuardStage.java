package dev.switchboard.tls.internal;

import java.io.IOException;

import dev.switchboard.servlet.Exchange;
import dev.switchboard.servlet.Stage;
import jakarta.servlet.ServletException;

/**
 * The {@code POST_DISPATCH_GUARD} stage, the second half of {@link PolicyStage}: a cleartext
 * request for a protected resource that offered to upgrade to TLS only reaches it when no
 * switch happened (the protocol declined, or is not enabled). Such a request gets the policy's
 * 426 (or redirect) here, so that it is never served in cleartext. Every other request passes
 * at the cost of one look-up in the exchange.
 */
public final class GuardStage implements Stage {

    @Override
    public void run(Exchange exchange, Next next) throws IOException, ServletException {
        TlsRequirement requirement = exchange.get(PolicyStage.REQUIRED);
        if (requirement == null) {
            next.proceed();
            return;
        }
        exchange.put(PolicyStage.REQUIRED, null);
        requirement.send(exchange.request(), exchange.response());
    }

    @Override
    public String toString() {
        return "TLS guard";
    }
}
