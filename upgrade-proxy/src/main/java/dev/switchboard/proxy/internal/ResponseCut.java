package dev.switchboard.proxy.internal;

import java.io.IOException;

/**
 * A relayed response that cannot be finished once its head has gone to the client: the
 * deadline passed, or the backend failed. Thrown out of the filter so that the container
 * closes the client connection without ending the body; the client then knows the response
 * is incomplete. It has no stack trace, since it reports the backend's conduct rather than a
 * fault here, and containers log what a filter throws.
 */
final class ResponseCut extends IOException {

    private static final long serialVersionUID = 1L;

    ResponseCut(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
