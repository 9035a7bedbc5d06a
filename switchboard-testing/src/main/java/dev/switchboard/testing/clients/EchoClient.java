package dev.switchboard.testing.clients;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One independent WebSocket client library, connected to an echo endpoint: what it agreed in
 * the handshake, and one message sent and its echo received at a time. Implementations adapt
 * the libraries' own APIs and add nothing to the protocol.
 */
public interface EchoClient extends AutoCloseable {

    /** How long any one step may take on a shared, busy machine. */
    Duration TIMEOUT = Duration.ofSeconds(60);

    /** Messages up to this size must pass both ways. */
    int MAX_MESSAGE = 4 * 1024 * 1024;

    /** The subprotocol the client saw agreed, or null for none. */
    String subprotocol();

    /** The extensions the client saw agreed, by name; empty when the library offers none. */
    List<String> extensions();

    /** Sends {@code text} as one text message and returns the next message received, which must be text. */
    String echo(String text) throws Exception;

    /** Sends {@code data} as one binary message and returns the next message received, which must be binary. */
    byte[] echo(byte[] data) throws Exception;

    @Override
    void close() throws Exception;

    /** Connects a client library to an endpoint, offering subprotocols and permessage-deflate where it can. */
    @FunctionalInterface
    interface Connector {
        EchoClient connect(URI uri, List<String> subprotocols) throws Exception;
    }
}
