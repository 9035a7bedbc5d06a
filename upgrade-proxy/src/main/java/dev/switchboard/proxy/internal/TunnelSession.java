package dev.switchboard.proxy.internal;

import java.nio.ByteBuffer;

import dev.switchboard.servlet.UpgradeSession;
import dev.switchboard.servlet.UpgradedConnection;

/**
 * The client side of a tunnel, after the 101: bytes from the client go to the backend
 * through its {@link BackendLink}, and the link writes the backend's bytes to the client
 * connection. Flow control both ways: when the link's queue toward the backend is over its
 * limit, the client connection stops reading until the link is down to half
 * ({@link UpgradedConnection#suspendInputUntilWritable}, the link being the
 * {@link dev.switchboard.servlet.WriteTarget}); when the client does not take what is
 * written, the link stops reading from the backend until {@link #onWritable()}.
 *
 * <p>The Servlet API cannot half-close the client connection: when the client ends its
 * output the backend's output is shut down and bytes keep flowing to the client; when the
 * backend ends its output, the client receives everything it sent and the connection is
 * then closed.
 */
final class TunnelSession implements UpgradeSession {

    private final UpgradedConnection client;
    private final BackendLink link;
    private byte[] early;

    /**
     * @param client the client connection this session runs on
     * @param link the backend side, started once the client connection is open
     * @param early what the backend sent right after its 101, for the client first
     */
    TunnelSession(UpgradedConnection client, BackendLink link, byte[] early) {
        this.client = client;
        this.link = link;
        this.early = early;
    }

    @Override
    public void onOpen() {
        if (early.length > 0) {
            client.write(early, 0, early.length);
        }
        early = null;
        link.start();
    }

    @Override
    public void onInput(ByteBuffer data) {
        if (!link.send(data)) {
            client.suspendInputUntilWritable(link);
        }
    }

    @Override
    public Then onInputClosed() {
        link.clientEnded();
        return Then.STAY_OPEN;
    }

    @Override
    public void onWritable() {
        link.resumeReading();
    }

    @Override
    public void onClosed(Throwable cause) {
        link.clientClosed();
    }
}
