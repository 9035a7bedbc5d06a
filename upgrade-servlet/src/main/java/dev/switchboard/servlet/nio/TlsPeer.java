package dev.switchboard.servlet.nio;

import java.io.IOException;
import java.nio.ByteBuffer;

import javax.net.ssl.SSLSession;

/**
 * What a {@link TlsDriver} produces. Buffers passed are valid only during the call. Each method is
 * called from inside a call to the driver, on its thread.
 */
public interface TlsPeer {
    /** TLS records to send, in order; from the outbound half. */
    void records(ByteBuffer records) throws IOException;

    /** Decrypted application bytes; from the inbound half, only after the handshake finished. */
    void plaintext(ByteBuffer data) throws IOException;

    /** The engine has a record to send: call {@link TlsDriver#flush()} (now, or from the writer). */
    void wrapNeeded() throws IOException;

    /** The handshake has finished (once); from either half. */
    default void handshakeFinished(SSLSession session) throws IOException {
    }

    /** The peer sent {@code close_notify}; from the inbound half. */
    default void inboundClosed() throws IOException {
    }
}
