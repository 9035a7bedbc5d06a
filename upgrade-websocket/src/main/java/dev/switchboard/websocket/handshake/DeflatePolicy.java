package dev.switchboard.websocket.handshake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import dev.switchboard.websocket.handshake.WebSocketExtension.Parameter;

/**
 * How an endpoint answers permessage-deflate offers (RFC 7692 sections 5 and 7, conformance
 * PMD-01..PMD-04). Immutable and thread-safe.
 *
 * <p>{@link #negotiate} walks the client's offers in order and accepts the first one that is
 * well-formed and that this server can honour, answering with one response for it:
 * <ul>
 *   <li>an offer with an unknown parameter, a parameter given twice, a value on a parameter
 *       that takes none, or window bits that are not a decimal 8..15 without leading zeros is
 *       declined whole, never accepted in part (PMD-02);</li>
 *   <li>{@code server_max_window_bits} below 15 is declined: Java's {@code Deflater} always
 *       uses a 32 KiB window, so the server could not keep the promise; 15 is accepted and
 *       echoed, so the response never names more than the client offered (PMD-03);</li>
 *   <li>{@code client_max_window_bits} appears in the response only when the client offered it
 *       and {@link #clientMaxWindowBits()} is set, with the smaller of the two values (PMD-03);</li>
 *   <li>{@code server_no_context_takeover} and {@code client_no_context_takeover} are echoed
 *       when offered, and added when this policy requires them (PMD-04: RFC 7692 sections
 *       7.1.1.1 and 7.1.1.2 let a server add them to any response).</li>
 * </ul>
 * Response parameters are in the order server_no_context_takeover, server_max_window_bits,
 * client_no_context_takeover, client_max_window_bits.
 */
public final class DeflatePolicy {

    /** Accept permessage-deflate with the client's context takeover and default windows. */
    public static final DeflatePolicy DEFAULT = new DeflatePolicy(true, false, false, -1);

    /** Never accept permessage-deflate. */
    public static final DeflatePolicy DISABLED = new DeflatePolicy(false, false, false, -1);

    private static final Set<String> PARAMETERS = Set.of(WebSocketSpec.SERVER_NO_CONTEXT_TAKEOVER,
            WebSocketSpec.CLIENT_NO_CONTEXT_TAKEOVER, WebSocketSpec.SERVER_MAX_WINDOW_BITS,
            WebSocketSpec.CLIENT_MAX_WINDOW_BITS);

    private final boolean enabled;
    private final boolean serverNoContextTakeover;
    private final boolean clientNoContextTakeover;
    private final int clientMaxWindowBits;

    private DeflatePolicy(boolean enabled, boolean serverNoContextTakeover, boolean clientNoContextTakeover,
            int clientMaxWindowBits) {
        this.enabled = enabled;
        this.serverNoContextTakeover = serverNoContextTakeover;
        this.clientNoContextTakeover = clientNoContextTakeover;
        this.clientMaxWindowBits = clientMaxWindowBits;
    }

    /** This policy, on or off. */
    public DeflatePolicy withEnabled(boolean on) {
        return new DeflatePolicy(on, serverNoContextTakeover, clientNoContextTakeover, clientMaxWindowBits);
    }

    /**
     * This policy, requiring the server to reset its compressor after every message: no
     * compression state is kept between messages, at the cost of ratio.
     */
    public DeflatePolicy withServerNoContextTakeover(boolean require) {
        return new DeflatePolicy(enabled, require, clientNoContextTakeover, clientMaxWindowBits);
    }

    /** This policy, requiring the client to reset its compressor, so the server keeps no inflater state between messages. */
    public DeflatePolicy withClientNoContextTakeover(boolean require) {
        return new DeflatePolicy(enabled, serverNoContextTakeover, require, clientMaxWindowBits);
    }

    /**
     * This policy, asking clients that offer {@code client_max_window_bits} to use at most
     * {@code bits}.
     *
     * @throws IllegalArgumentException if {@code bits} is outside 8..15
     */
    public DeflatePolicy withClientMaxWindowBits(int bits) {
        if (bits < WebSocketSpec.MIN_WINDOW_BITS || bits > WebSocketSpec.MAX_WINDOW_BITS) {
            throw new IllegalArgumentException("expected client window bits from 8 to 15 but was " + bits);
        }
        return new DeflatePolicy(enabled, serverNoContextTakeover, clientNoContextTakeover, bits);
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean serverNoContextTakeover() {
        return serverNoContextTakeover;
    }

    public boolean clientNoContextTakeover() {
        return clientNoContextTakeover;
    }

    /** The window the server asks of clients that offer to limit theirs; empty to leave it to them. */
    public OptionalInt clientMaxWindowBits() {
        return clientMaxWindowBits < 0 ? OptionalInt.empty() : OptionalInt.of(clientMaxWindowBits);
    }

    /**
     * Chooses among the client's permessage-deflate offers.
     *
     * @param offers the offers named {@code permessage-deflate}, in the client's order
     * @return the response for the first acceptable offer; empty when disabled or none is acceptable
     */
    public Optional<WebSocketExtension> negotiate(List<WebSocketExtension> offers) {
        if (!enabled) {
            return Optional.empty();
        }
        for (WebSocketExtension offer : offers) {
            WebSocketExtension response = respond(offer);
            if (response != null) {
                return Optional.of(response);
            }
        }
        return Optional.empty();
    }

    /** The response to one offer, or null when the offer must be declined. */
    private WebSocketExtension respond(WebSocketExtension offer) {
        Set<String> seen = new HashSet<>();
        boolean serverNoTakeover = serverNoContextTakeover;
        boolean clientNoTakeover = clientNoContextTakeover;
        boolean serverWindow15 = false;
        boolean clientWindowOffered = false;
        int clientWindowOffer = WebSocketSpec.MAX_WINDOW_BITS;
        for (Parameter p : offer.parameters()) {
            if (!PARAMETERS.contains(p.name()) || !seen.add(p.name())) {
                return null;
            }
            switch (p.name()) {
                case WebSocketSpec.SERVER_NO_CONTEXT_TAKEOVER -> {
                    if (p.value() != null) {
                        return null;
                    }
                    serverNoTakeover = true;
                }
                case WebSocketSpec.CLIENT_NO_CONTEXT_TAKEOVER -> {
                    if (p.value() != null) {
                        return null;
                    }
                    clientNoTakeover = true;
                }
                case WebSocketSpec.SERVER_MAX_WINDOW_BITS -> {
                    int bits = windowBits(p.value());
                    if (bits != WebSocketSpec.MAX_WINDOW_BITS) {
                        return null; // invalid, or a window Java's Deflater cannot keep to
                    }
                    serverWindow15 = true;
                }
                default -> { // client_max_window_bits
                    clientWindowOffered = true;
                    if (p.value() != null) {
                        clientWindowOffer = windowBits(p.value());
                        if (clientWindowOffer < 0) {
                            return null;
                        }
                    }
                }
            }
        }
        List<Parameter> response = new ArrayList<>(4);
        if (serverNoTakeover) {
            response.add(Parameter.flag(WebSocketSpec.SERVER_NO_CONTEXT_TAKEOVER));
        }
        if (serverWindow15) {
            response.add(new Parameter(WebSocketSpec.SERVER_MAX_WINDOW_BITS, "15"));
        }
        if (clientNoTakeover) {
            response.add(Parameter.flag(WebSocketSpec.CLIENT_NO_CONTEXT_TAKEOVER));
        }
        if (clientWindowOffered && clientMaxWindowBits > 0) {
            response.add(new Parameter(WebSocketSpec.CLIENT_MAX_WINDOW_BITS,
                    Integer.toString(Math.min(clientMaxWindowBits, clientWindowOffer))));
        }
        return WebSocketExtension.of(offer.name(), response);
    }

    /** A decimal 8..15 without leading zeros (RFC 7692 section 7.1.2), or -1. */
    private static int windowBits(String value) {
        if (value == null || value.isEmpty() || value.length() > 2 || value.charAt(0) == '0') {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n >= WebSocketSpec.MIN_WINDOW_BITS && n <= WebSocketSpec.MAX_WINDOW_BITS ? n : -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeflatePolicy other && enabled == other.enabled
                && serverNoContextTakeover == other.serverNoContextTakeover
                && clientNoContextTakeover == other.clientNoContextTakeover
                && clientMaxWindowBits == other.clientMaxWindowBits;
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, serverNoContextTakeover, clientNoContextTakeover, clientMaxWindowBits);
    }

    @Override
    public String toString() {
        if (!enabled) {
            return "permessage-deflate off";
        }
        return "permessage-deflate" + (serverNoContextTakeover ? " server_no_context_takeover" : "")
                + (clientNoContextTakeover ? " client_no_context_takeover" : "")
                + (clientMaxWindowBits > 0 ? " client_max_window_bits=" + clientMaxWindowBits : "");
    }
}
