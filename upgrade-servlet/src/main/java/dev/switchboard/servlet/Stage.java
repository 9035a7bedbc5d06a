package dev.switchboard.servlet;

import java.io.IOException;

import jakarta.servlet.ServletException;

/**
 * One step of Switchboard's front door for one {@link Phase}. For each request a stage sees the
 * request's {@link Exchange} and does one of three things:
 * <ul>
 *   <li><b>answers</b>: completes the response and returns without calling {@code next};</li>
 *   <li><b>passes on</b>: calls {@link Next#proceed()} (after replacing the request with
 *       {@link Exchange#wrapRequest} or recording what it learnt in the exchange, if it
 *       likes);</li>
 *   <li><b>wraps what follows</b>: calls {@code next} inside its own {@code try}/{@code finally}
 *       or acts on the response after it.</li>
 * </ul>
 * Shared by concurrent requests: keep per-request state in the exchange.
 */
public interface Stage {

    /** Runs this stage for one request. */
    void run(Exchange exchange, Next next) throws IOException, ServletException;

    /**
     * Whether this stage passes every request without an {@code Upgrade} field straight on and
     * does nothing else for it. Where every stage of a filter does, such a request goes to the
     * rest of the chain without an exchange: the common request costs one header look-up and
     * no allocation. Asked once, after the stage is set up.
     */
    default boolean passesRequestsWithoutUpgrade() {
        return false;
    }

    /** Releases what the stage holds (threads, connections) when the application stops. */
    default void destroy() {
    }

    /** What follows a stage: the later stages, then the rest of the filter chain. */
    @FunctionalInterface
    interface Next {
        /** Runs the later stages and the chain with the exchange's current request and response. */
        void proceed() throws IOException, ServletException;
    }
}
