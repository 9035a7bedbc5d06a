package dev.switchboard.proxy.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;

import dev.switchboard.http.BodyFraming;
import dev.switchboard.http.ChunkedDecoder;
import dev.switchboard.http.ChunkedLimits;
import dev.switchboard.http.Connection;
import dev.switchboard.http.FieldLine;
import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.MessageHead;
import dev.switchboard.http.StatusLine;
import dev.switchboard.http.Upgrade;
import dev.switchboard.http.WireFormatException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Relays a backend's answer that is not a 101 as an ordinary response (RFC 9110 section 7.8:
 * the connection stays HTTP): its status, its end-to-end fields and its body, decoded from
 * the backend's framing so that the container frames it for the client. If the backend
 * offered protocols in {@code Upgrade} (a 426, for example), the offer is passed on with this
 * hop's own {@code Connection: upgrade}, since the tunnel can carry any of them.
 *
 * <p>The body is passed on as it arrives (each piece flushed, so that a streamed answer
 * streams), within the exchange's deadline (PRX-09). An answer cut short after the response
 * was committed, by the deadline or by the backend, ends in a {@link ResponseCut}: the
 * container then closes the client connection without ending the body, so the client can tell
 * that the length or chunked framing already sent was not kept. The framing is read as
 * {@link BodyFraming} says, and the chunked coding strictly ({@link ChunkedDecoder}): a backend
 * that breaks it is cut short like one that fails.
 */
final class ResponseRelay {

    private ResponseRelay() {
    }

    /**
     * @param requestMethod the client's method: the answer to a HEAD has no body whatever its fields say
     * @throws HttpStatusException (502, 504) if the backend's framing is invalid, or it fails or
     *     runs out of time before anything has been sent to the client
     * @throws IOException if it fails after the response was committed: the client connection
     *     must then be closed, which the container does when the exception reaches it
     */
    static void relay(MessageHead<StatusLine> head, BackendConnection backend, String requestMethod,
            HttpServletResponse response) throws IOException {
        Connection connection;
        BodyFraming framing;
        try {
            connection = Connection.parse(head.values(HttpSpec.CONNECTION));
            framing = BodyFraming.of(requestMethod, head);
        } catch (FieldSyntaxException e) {
            throw TunnelFailure.badResponse(e.reason());
        }
        HopByHop hopByHop = HopByHop.of(connection);

        response.setStatus(head.startLine().status());
        for (FieldLine f : head.fields()) {
            if (!hopByHop.contains(f.name()) && !f.is(HttpSpec.CONTENT_LENGTH)) {
                response.addHeader(f.name(), f.value());
            }
        }
        keepCharsetAsSent(head, response);
        advertise(head, response);
        if (framing.kind() == BodyFraming.Kind.NONE) {
            response.setContentLength(0);
            return;
        }
        if (framing.kind() == BodyFraming.Kind.LENGTH) {
            response.setContentLengthLong(framing.length());
        }
        copy(framing, response, backend);
    }

    /**
     * A relayed {@code Content-Type} without a charset stays without one: Jetty's ee11
     * environment otherwise adds its default ({@code text/plain;charset=iso-8859-1}), which
     * tells the client something about the body the backend did not say.
     */
    private static void keepCharsetAsSent(MessageHead<StatusLine> head, HttpServletResponse response) {
        List<String> types = head.values(HttpSpec.CONTENT_TYPE);
        if (types.size() == 1 && !types.get(0).toLowerCase(Locale.ROOT).contains("charset=")) {
            response.setCharacterEncoding((String) null);
        }
    }

    private static void advertise(MessageHead<StatusLine> head, HttpServletResponse response) {
        List<String> offered = head.values(HttpSpec.UPGRADE);
        if (offered.isEmpty()) {
            return;
        }
        try {
            response.setHeader(HttpSpec.UPGRADE, Upgrade.parse(offered).toHeaderValue());
            response.setHeader(HttpSpec.CONNECTION, HttpSpec.CONNECTION_OPTION_UPGRADE);
        } catch (FieldSyntaxException e) {
            // A malformed offer is not passed on; the response itself still is.
        }
    }

    /**
     * Copies the content, decoded from its framing; a client that fails is the container's to
     * report, a backend that fails or breaks the chunked coding is cut short.
     */
    private static void copy(BodyFraming framing, HttpServletResponse response, BackendConnection backend)
            throws IOException {
        OutputStream out = response.getOutputStream();
        ChunkedDecoder chunked = framing.kind() == BodyFraming.Kind.CHUNKED ? new ChunkedDecoder(ChunkedLimits.DEFAULT)
                : null;
        long length = framing.length();
        long left = length < 0 ? Long.MAX_VALUE : length;
        ByteBuffer raw = ByteBuffer.allocate(8192).flip();
        while (left > 0 && (chunked == null || !chunked.isComplete())) {
            ByteBuffer content;
            try {
                if (!raw.hasRemaining()) {
                    int n = backend.readBody(raw.array(), 0, (int) Math.min(raw.capacity(), left));
                    if (n < 0 && length >= 0) {
                        throw new IOException("backend closed the connection after " + (length - left) + " of "
                                + length + " body bytes");
                    }
                    if (n < 0 && chunked != null) {
                        throw new EOFException("backend closed the connection inside the chunked coding");
                    }
                    if (n < 0) {
                        return;
                    }
                    raw.position(0).limit(n);
                }
                content = chunked == null ? take(raw) : decode(chunked, raw);
            } catch (IOException e) {
                if (response.isCommitted()) {
                    throw new ResponseCut(backend.bodyFailure(e).reason() + "; the relayed response is cut short");
                }
                response.reset();
                throw backend.bodyFailure(e);
            }
            if (content.hasRemaining()) {
                left -= content.remaining();
                out.write(content.array(), content.arrayOffset() + content.position(), content.remaining());
                out.flush();
            }
        }
    }

    private static ByteBuffer take(ByteBuffer raw) {
        ByteBuffer all = raw.slice();
        raw.position(raw.limit());
        return all;
    }

    /** The next content of a chunked body; a break of the coding is the backend failing like any other. */
    private static ByteBuffer decode(ChunkedDecoder chunked, ByteBuffer raw) throws IOException {
        try {
            return chunked.read(raw);
        } catch (WireFormatException e) {
            throw new IOException(e.reason(), e);
        }
    }
}
