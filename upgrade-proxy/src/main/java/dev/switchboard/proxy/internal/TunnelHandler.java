package dev.switchboard.proxy.internal;

import java.nio.ByteBuffer;

import dev.switchboard.servlet.NonBlockingUpgradeHandler;

/**
 * The client side of a tunnel, after the 101: bytes from the client go to the backend
 * through its {@link BackendLink}, and the link writes the backend's bytes here. Flow
 * control both ways comes from the handler base: when the backend queue is over its limit
 * this handler stops reading, and when the client does not take what is written the link
 * stops reading from the backend.
 *
 * <p>The Servlet API cannot half-close the client connection: when the client ends its
 * output the backend's output is shut down and bytes keep flowing to the client; when the
 * backend ends its output, the client receives everything it sent and the connection is
 * then closed. Public only because containers create it with its no-argument constructor.
 */
public final class TunnelHandler extends NonBlockingUpgradeHandler {

    private BackendLink link;
    private byte[] early;

    /** Connects the handler to its backend; {@code early} is what the backend sent right after its 101. */
    void bind(BackendLink backend, byte[] earlyBytes) {
        this.link = backend;
        this.early = earlyBytes;
    }

    @Override
    protected void onOpen() {
        if (early.length > 0) {
            write(early, 0, early.length);
        }
        early = null;
        link.start();
    }

    @Override
    protected void onInput(ByteBuffer data) {
        if (!link.send(data)) {
            suspendInput();
        }
    }

    @Override
    protected void onInputClosed() {
        link.clientEnded();
    }

    @Override
    protected void onWritable() {
        link.resumeReading();
    }

    @Override
    protected void onClosed(Throwable cause) {
        if (link != null) {
            link.clientClosed();
        }
    }
}
