package dev.switchboard.jetty.tls;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;

/**
 * The first connection over the decrypted side of an upgraded connection: it answers the
 * {@code OPTIONS *} that asked for the upgrade (RFC 2817 section 3.3: the response to the
 * original request comes first over TLS), then hands the endpoint to the HTTP/1.1 connection
 * that serves the rest. Jetty itself has no answer for {@code OPTIONS *} but a 404 with an
 * error page, whose body a client that reads no body after its upgrade (CUPS) would take for
 * the start of its next response; this answer is {@code 200} with no content. The answer is
 * written before anything is read, so it always precedes the responses to what follows.
 */
final class OptionsAnswer extends AbstractConnection implements Callback {

    /** {@code 200}, the methods Jetty's HTTP/1.1 connections serve, and no content. */
    static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\n" + "Allow: GET, HEAD, POST, PUT, DELETE, OPTIONS, TRACE\r\n"
            + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final Connection next;

    OptionsAnswer(EndPoint decrypted, Executor executor, Connection next) {
        super(decrypted, executor);
        this.next = next;
    }

    @Override
    public void onOpen() {
        super.onOpen();
        getEndPoint().write(this, ByteBuffer.wrap(ANSWER));
    }

    @Override
    public void onFillable() {
        // never asked to read: the next connection reads what the client sends
    }

    /** The answer is out: the HTTP/1.1 connection takes the endpoint over. */
    @Override
    public void succeeded() {
        getEndPoint().upgrade(next);
    }

    @Override
    public void failed(Throwable x) {
        getEndPoint().close(x);
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }
}
