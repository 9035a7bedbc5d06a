package dev.switchboard.tls.internal;

import java.io.IOException;

import dev.switchboard.http.HttpStatusException;
import dev.switchboard.servlet.Exchange;
import dev.switchboard.servlet.Refusals;
import dev.switchboard.servlet.Stage;
import dev.switchboard.servlet.SwitchboardRuntime;
import jakarta.servlet.ServletException;

/**
 * The {@code TRANSPORT} stage: settles how the request arrived (over this module's RFC 2817
 * connection, from a trusted proxy, or as the container says: TLS-09), shows the later stages a
 * request that reports it consistently, and records the {@link Transport} in the exchange. A
 * forwarding field it cannot believe gets the resolver's 4xx.
 */
public final class TransportStage implements Stage {

    /** The request's transport, for the policy stage. */
    public static final Exchange.Key<Transport> TRANSPORT = new Exchange.Key<>("tls.transport", Transport.class);

    private final SwitchboardRuntime runtime;
    private final TransportResolver resolver;

    /**
     * @param runtime the application's runtime, which holds its RFC 2817 connections; retained
     *     until {@link #destroy()}
     */
    public TransportStage(SwitchboardRuntime runtime, TransportResolver resolver) {
        this.runtime = runtime.retain();
        this.resolver = resolver;
    }

    @Override
    public void run(Exchange exchange, Next next) throws IOException, ServletException {
        Transport transport;
        try {
            transport = resolver.resolve(exchange.request());
        } catch (HttpStatusException e) {
            Refusals.send(exchange.response(), e);
            return;
        }
        exchange.wrapRequest(transport.apply(exchange.request(), exchange.response()));
        exchange.put(TRANSPORT, transport);
        next.proceed();
    }

    /** Releases the runtime: the last user ends the application's RFC 2817 connections and their selector thread. */
    @Override
    public void destroy() {
        runtime.release();
    }

    @Override
    public String toString() {
        return "transport resolution";
    }
}
