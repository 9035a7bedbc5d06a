package dev.switchboard.websocket.handshake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.http.Authority;
import dev.switchboard.http.Connection;
import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpVersion;
import dev.switchboard.http.OneLine;
import dev.switchboard.http.Origin;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.RequestHead;
import dev.switchboard.http.Upgrade;
import dev.switchboard.http.WireFormatException;

/**
 * A client's opening handshake that passed every check of RFC 6455 section 4.2.1, read once
 * into values: the key, the {@code Host}, the origin if any, the offered subprotocols and the
 * offered extensions. Immutable.
 *
 * <p>{@link #read} applies the checks in this order, so that each request gets the most
 * useful answer:
 * <ol>
 *   <li>no content, {@code GET}, HTTP/1.1 or later (WS-01), then {@code Upgrade: websocket}
 *       (WS-03) and the {@code upgrade} connection option (WS-04): else 400;</li>
 *   <li>exactly one non-empty {@code Host} (WS-02): else 400;</li>
 *   <li>{@code Sec-WebSocket-Version} (WS-06): missing or another version gets 426 with
 *       {@code Sec-WebSocket-Version: 13}, so that clients of older drafts learn what to speak;
 *       a malformed or repeated field gets 400;</li>
 *   <li>{@code Sec-WebSocket-Key} (WS-05): else 400;</li>
 *   <li>{@code Origin}, {@code Sec-WebSocket-Protocol}, {@code Sec-WebSocket-Extensions}: over
 *       the {@link HandshakeLimits} gets 431, malformed gets 400.</li>
 * </ol>
 */
public final class Handshake {

    private static final ProtocolToken WEBSOCKET = ProtocolToken.of(WebSocketSpec.UPGRADE_TOKEN);

    private final WebSocketKey key;
    private final String host;
    private final Origin origin;
    private final Subprotocols subprotocols;
    private final WebSocketExtensions extensions;

    private Handshake(WebSocketKey key, String host, Origin origin, Subprotocols subprotocols,
            WebSocketExtensions extensions) {
        this.key = key;
        this.host = host;
        this.origin = origin;
        this.subprotocols = subprotocols;
        this.extensions = extensions;
    }

    /**
     * Checks {@code head} against RFC 6455 section 4.2.1 and reads its WebSocket fields.
     *
     * @throws HandshakeException with 400, 426 or 431 and a one-line reason if a check fails
     */
    public static Handshake read(RequestHead head, HandshakeLimits limits) {
        checkRequestLine(head);
        return readFields(head, limits);
    }

    /**
     * {@link #read} for a request that upgrade negotiation has already found to be HTTP/1.1 or
     * later, to offer {@code websocket} and to list the {@code upgrade} connection option: the
     * same checks without parsing those fields again.
     *
     * @throws HandshakeException with 400, 426 or 431 and a one-line reason if a check fails
     */
    public static Handshake readNegotiated(RequestHead head, HandshakeLimits limits) {
        checkMethodAndContent(head);
        return readFields(head, limits);
    }

    private static Handshake readFields(RequestHead head, HandshakeLimits limits) {
        String host = host(head.fieldLines(HttpSpec.HOST));
        checkVersion(head.fieldLines(WebSocketSpec.SEC_WEBSOCKET_VERSION));
        WebSocketKey key;
        try {
            key = WebSocketKey.parse(head.fieldLines(WebSocketSpec.SEC_WEBSOCKET_KEY));
        } catch (dev.switchboard.http.HttpStatusException e) {
            throw new HandshakeException(e.status(), "bad-key", e.reason());
        }
        List<String> originLines = bounded(head, WebSocketSpec.ORIGIN, limits);
        List<String> protocolLines = bounded(head, WebSocketSpec.SEC_WEBSOCKET_PROTOCOL, limits);
        List<String> extensionLines = bounded(head, WebSocketSpec.SEC_WEBSOCKET_EXTENSIONS, limits);
        Origin origin = origin(originLines);
        Subprotocols subprotocols;
        WebSocketExtensions extensions;
        try {
            subprotocols = Subprotocols.parse(protocolLines);
        } catch (FieldSyntaxException e) {
            throw new HandshakeException(e.status(), "bad-subprotocols", e.reason());
        }
        try {
            extensions = WebSocketExtensions.parse(extensionLines);
        } catch (FieldSyntaxException e) {
            throw new HandshakeException(e.status(), "bad-extensions", e.reason());
        }
        if (subprotocols.offered().size() > limits.maxOffers()) {
            throw tooMany(WebSocketSpec.SEC_WEBSOCKET_PROTOCOL, subprotocols.offered().size(), limits);
        }
        if (extensions.list().size() > limits.maxOffers()) {
            throw tooMany(WebSocketSpec.SEC_WEBSOCKET_EXTENSIONS, extensions.list().size(), limits);
        }
        return new Handshake(key, host, origin, subprotocols, extensions);
    }

    /**
     * The checks of the request line and of {@code Upgrade}/{@code Connection} alone (WS-01,
     * WS-03, WS-04), for requests that generic upgrade handling would serve as if they had no
     * {@code Upgrade} field.
     *
     * @throws HandshakeException (400) if one fails
     */
    public static void checkRequestLine(RequestHead head) {
        checkRequestLine(head, null);
    }

    /**
     * As {@link #checkRequestLine(RequestHead)}, with the request's {@code Upgrade} field as
     * already parsed, or null to parse it here.
     */
    public static void checkRequestLine(RequestHead head, Upgrade offered) {
        checkMethodAndContent(head);
        String version = head.protocol();
        if (!HttpVersion.allowsUpgrade(version)) {
            throw badRequest("http-version", "A WebSocket handshake needs HTTP/1.1 or later (RFC 6455 section 4.1), not "
                    + OneLine.of(version));
        }
        try {
            Upgrade upgrade = offered != null ? offered : Upgrade.parse(head.fieldLines(HttpSpec.UPGRADE));
            if (!upgrade.offers(WEBSOCKET)) {
                throw badRequest("no-upgrade", "Upgrade does not offer websocket (RFC 6455 section 4.2.1 item 3)");
            }
            if (!Connection.parse(head.fieldLines(HttpSpec.CONNECTION)).hasUpgrade()) {
                throw badRequest("no-connection-upgrade",
                        "Connection does not list the upgrade option (RFC 6455 section 4.2.1 item 4)");
            }
        } catch (FieldSyntaxException e) {
            throw new HandshakeException(e.status(), "bad-upgrade", e.reason());
        }
    }

    private static void checkMethodAndContent(RequestHead head) {
        if (head.hasContent()) {
            throw badRequest("content", "A WebSocket handshake carries no content");
        }
        if (!WebSocketSpec.METHOD_GET.equals(head.method())) {
            throw badRequest("method", "A WebSocket handshake is a GET request (RFC 6455 section 4.1), not "
                    + OneLine.of(head.method()));
        }
    }

    private static String host(List<String> lines) {
        if (lines.size() != 1) {
            throw badRequest("host", "expected one Host field but was " + lines.size()
                    + " (RFC 6455 section 4.2.1 item 2)");
        }
        String host = lines.get(0).strip();
        try {
            Authority.parse(host);
        } catch (WireFormatException e) {
            throw badRequest("host", "Host \"" + OneLine.of(host) + "\" is not host [\":\" port]");
        }
        return host;
    }

    private static void checkVersion(List<String> lines) {
        if (lines.isEmpty()) {
            throw upgradeRequired("Sec-WebSocket-Version is missing; this server speaks version 13");
        }
        if (lines.size() > 1) {
            throw badRequest("bad-version", "expected one Sec-WebSocket-Version field but was " + lines.size());
        }
        String v = lines.get(0).strip();
        if (!isVersionNumber(v)) {
            throw badRequest("bad-version", "Invalid Sec-WebSocket-Version field: expected a number from 0 to 255 but was \""
                    + OneLine.of(v) + "\"");
        }
        if (!WebSocketSpec.VERSION_13.equals(v)) {
            throw upgradeRequired("WebSocket version " + v + " is not supported; this server speaks version 13");
        }
    }

    /** {@code version = DIGIT / (NZDIGIT DIGIT) / ("1" DIGIT DIGIT) / ("2" DIGIT DIGIT)}, 0..255 (RFC 6455 section 4.1). */
    private static boolean isVersionNumber(String v) {
        if (v.isEmpty() || v.length() > 3 || (v.length() > 1 && v.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return Integer.parseInt(v) <= 255;
    }

    private static List<String> bounded(RequestHead head, String field, HandshakeLimits limits) {
        List<String> lines = head.fieldLines(field);
        int length = 0;
        for (String line : lines) {
            length += line.length();
        }
        if (length > limits.maxFieldLength()) {
            throw new HandshakeException(HttpSpec.SC_REQUEST_HEADER_FIELDS_TOO_LARGE, "field-too-large",
                    field + " is " + length + " characters long; the limit is " + limits.maxFieldLength());
        }
        return lines;
    }

    private static Origin origin(List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        if (lines.size() > 1) {
            throw badRequest("bad-origin", "expected at most one Origin field but was " + lines.size()
                    + " (RFC 6454 section 7.3)");
        }
        try {
            return Origin.parse(lines.get(0).strip());
        } catch (FieldSyntaxException e) {
            throw new HandshakeException(e.status(), "bad-origin", e.reason());
        }
    }

    private static HandshakeException tooMany(String field, int n, HandshakeLimits limits) {
        return new HandshakeException(HttpSpec.SC_REQUEST_HEADER_FIELDS_TOO_LARGE, "too-many-offers",
                field + " lists " + n + " elements; the limit is " + limits.maxOffers());
    }

    private static HandshakeException badRequest(String kind, String reason) {
        return new HandshakeException(HttpSpec.SC_BAD_REQUEST, kind, reason);
    }

    private static HandshakeException upgradeRequired(String reason) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(HttpSpec.UPGRADE, WebSocketSpec.UPGRADE_TOKEN);
        fields.put(HttpSpec.CONNECTION, HttpSpec.CONNECTION_OPTION_UPGRADE);
        fields.put(WebSocketSpec.SEC_WEBSOCKET_VERSION, WebSocketSpec.VERSION_13);
        return new HandshakeException(HttpSpec.SC_UPGRADE_REQUIRED, "unsupported-version", reason, fields);
    }

    public WebSocketKey key() {
        return key;
    }

    /** The {@code Host} value, trimmed. */
    public String host() {
        return host;
    }

    /** The origin, or null when the client sent none (non-browser clients need not). */
    public Origin origin() {
        return origin;
    }

    public Subprotocols subprotocols() {
        return subprotocols;
    }

    public WebSocketExtensions extensions() {
        return extensions;
    }
}
