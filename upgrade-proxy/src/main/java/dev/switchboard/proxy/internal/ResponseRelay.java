package dev.switchboard.proxy.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import dev.switchboard.http.Connection;
import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.Upgrade;
import dev.switchboard.http.FieldReader;
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
 * that the length or chunked framing already sent was not kept.
 */
final class ResponseRelay {

    private ResponseRelay() {
    }

    /** How the body after the head is delimited (RFC 9112 section 6.3). */
    private enum Framing { NONE, LENGTH, CHUNKED, CLOSE }

    /**
     * @param headRequest whether the request was HEAD (no body follows whatever the fields say)
     * @throws HttpStatusException (502, 504) if the backend's framing is invalid, or it fails or
     *     runs out of time before anything has been sent to the client
     * @throws IOException if it fails after the response was committed: the client connection
     *     must then be closed, which the container does when the exception reaches it
     */
    static void relay(BackendResponse head, BackendConnection backend, boolean headRequest,
            HttpServletResponse response) throws IOException {
        Connection connection;
        try {
            connection = Connection.parse(head.values(HttpSpec.CONNECTION));
        } catch (FieldSyntaxException e) {
            throw ResponseHeadParser.invalid(e.reason());
        }
        HopByHop hopByHop = HopByHop.of(connection);
        Framing framing = headRequest || head.status() == 204 || head.status() == 304 ? Framing.NONE
                : framing(head);
        long length = framing == Framing.LENGTH ? contentLength(head) : -1;

        response.setStatus(head.status());
        for (BackendResponse.Field f : head.fields()) {
            if (!hopByHop.contains(f.name()) && !f.name().equalsIgnoreCase(HttpSpec.CONTENT_LENGTH)) {
                response.addHeader(f.name(), f.value());
            }
        }
        keepCharsetAsSent(head, response);
        advertise(head, response);
        if (framing == Framing.NONE) {
            response.setContentLength(0);
            return;
        }
        if (length >= 0) {
            response.setContentLengthLong(length);
        }
        InputStream body = new BufferedInputStream(backend.body(), 8192);
        if (framing == Framing.CHUNKED) {
            body = new ChunkedBody(body);
        }
        copy(body, response, length, backend);
    }

    /**
     * A relayed {@code Content-Type} without a charset stays without one: Jetty's ee11
     * environment otherwise adds its default ({@code text/plain;charset=iso-8859-1}), which
     * tells the client something about the body the backend did not say.
     */
    private static void keepCharsetAsSent(BackendResponse head, HttpServletResponse response) {
        List<String> types = head.values(HttpSpec.CONTENT_TYPE);
        if (types.size() == 1 && !types.get(0).toLowerCase(Locale.ROOT).contains("charset=")) {
            response.setCharacterEncoding((String) null);
        }
    }

    private static Framing framing(BackendResponse head) {
        List<String> te = head.values(HttpSpec.TRANSFER_ENCODING);
        if (!te.isEmpty()) {
            List<String> codings;
            try {
                codings = FieldReader.parseList(HttpSpec.TRANSFER_ENCODING, te, true, ResponseRelay::coding);
            } catch (FieldSyntaxException e) {
                throw ResponseHeadParser.invalid(e.reason());
            }
            return codings.get(codings.size() - 1).equals("chunked") ? Framing.CHUNKED : Framing.CLOSE;
        }
        return head.values(HttpSpec.CONTENT_LENGTH).isEmpty() ? Framing.CLOSE : Framing.LENGTH;
    }

    /** {@code transfer-coding = token *( OWS ";" OWS transfer-parameter )}: the name, lower-cased. */
    private static String coding(FieldReader r) {
        String name = r.token().toLowerCase(Locale.ROOT);
        r.skipOws();
        while (r.consume(';')) {
            r.skipOws();
            r.token();
            r.skipOws();
            r.expect('=');
            r.skipOws();
            r.tokenOrQuotedString();
            r.skipOws();
        }
        return name;
    }

    /** The one length that every {@code Content-Length} value agrees on (RFC 9110 section 8.6). */
    private static long contentLength(BackendResponse head) {
        List<String> lines = head.values(HttpSpec.CONTENT_LENGTH);
        List<String> values;
        try {
            values = FieldReader.parseList(HttpSpec.CONTENT_LENGTH, lines, true, FieldReader::token);
        } catch (FieldSyntaxException e) {
            throw ResponseHeadParser.invalid(e.reason());
        }
        long length = -1;
        for (String digits : values) { // "5, 5" is allowed when all values agree
            if (digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw ResponseHeadParser.invalid("an invalid Content-Length " + lines);
            }
            long n = Long.parseLong(digits);
            if (length >= 0 && n != length) {
                throw ResponseHeadParser.invalid("Content-Length values that disagree: " + lines);
            }
            length = n;
        }
        return length;
    }

    private static void advertise(BackendResponse head, HttpServletResponse response) {
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

    /** Copies the body; a client that fails is the container's to report, a backend that fails is cut short. */
    private static void copy(InputStream body, HttpServletResponse response, long length, BackendConnection backend)
            throws IOException {
        OutputStream out = response.getOutputStream();
        byte[] buffer = new byte[8192];
        long left = length < 0 ? Long.MAX_VALUE : length;
        while (left > 0) {
            int n;
            try {
                n = body.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0 && length >= 0) {
                    throw new IOException("backend closed the connection after " + (length - left) + " of "
                            + length + " body bytes");
                }
            } catch (IOException e) {
                if (response.isCommitted()) {
                    throw new ResponseCut(backend.bodyFailure(e).reason() + "; the relayed response is cut short");
                }
                response.reset();
                throw backend.bodyFailure(e);
            }
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
            out.flush();
            left -= n;
        }
    }
}
