package dev.switchboard.websocket.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.OneLine;
import dev.switchboard.http.FieldReader;

/**
 * How an endpoint chooses its subprotocol from the client's offer (RFC 6455 section 4.2.2
 * item 5.4, conformance WS-09): the subprotocols it supports, in its own order of preference;
 * whose order wins; and whether a handshake that agrees on none is refused.
 *
 * <p>The choice is always one the client offered, compared exactly (case-sensitively), or
 * none. Immutable and thread-safe.
 *
 * <pre>
 * supported [chat.v2, chat.v1], server preference, offer "chat.v1, chat.v2"  -&gt; chat.v2
 * supported [chat.v2, chat.v1], client preference, offer "chat.v1, chat.v2"  -&gt; chat.v1
 * </pre>
 */
public final class SubprotocolPolicy {

    /** Whose order of preference decides when several offered subprotocols are supported. */
    public enum Selection {
        /** The first offered subprotocol that is supported (the Jakarta WebSocket default). */
        CLIENT_PREFERENCE,
        /** The first supported subprotocol that is offered. */
        SERVER_PREFERENCE
    }

    private static final SubprotocolPolicy NONE = new SubprotocolPolicy(List.of(), Selection.CLIENT_PREFERENCE, false);

    private final List<String> supported;
    private final Selection selection;
    private final boolean required;

    private SubprotocolPolicy(List<String> supported, Selection selection, boolean required) {
        this.supported = supported;
        this.selection = selection;
        this.required = required;
    }

    /** No subprotocol: offers are ignored and the 101 names none. */
    public static SubprotocolPolicy none() {
        return NONE;
    }

    /** Supports {@code supported}; the client's order decides; none agreed is not an error. */
    public static SubprotocolPolicy clientPreference(String... supported) {
        return NONE.withSupported(List.of(supported));
    }

    /** Supports {@code supported}, in this order of preference, which decides. */
    public static SubprotocolPolicy serverPreference(String... supported) {
        return NONE.withSupported(List.of(supported)).withSelection(Selection.SERVER_PREFERENCE);
    }

    /**
     * The same policy supporting {@code subprotocols} instead, in this order of preference.
     *
     * @throws IllegalArgumentException if one is not a token or repeats
     */
    public SubprotocolPolicy withSupported(List<String> subprotocols) {
        List<String> copy = new ArrayList<>(subprotocols.size());
        for (String s : subprotocols) {
            if (!FieldReader.isToken(s)) {
                throw new IllegalArgumentException("expected a token for a subprotocol but was \"" + OneLine.of(s) + "\"");
            }
            if (copy.contains(s)) {
                throw new IllegalArgumentException("subprotocol " + s + " listed twice");
            }
            copy.add(s);
        }
        return new SubprotocolPolicy(List.copyOf(copy), selection, required);
    }

    public SubprotocolPolicy withSelection(Selection selection) {
        return new SubprotocolPolicy(supported, Objects.requireNonNull(selection, "selection"), required);
    }

    /** The same policy, refusing handshakes that agree on no subprotocol when {@code required}. */
    public SubprotocolPolicy withRequired(boolean required) {
        return new SubprotocolPolicy(supported, selection, required);
    }

    /** The supported subprotocols, most preferred first. */
    public List<String> supported() {
        return supported;
    }

    public Selection selection() {
        return selection;
    }

    public boolean required() {
        return required;
    }

    /**
     * Chooses from {@code offered} among this policy's supported subprotocols.
     *
     * @return the chosen subprotocol, one that {@code offered} contains; empty when none is agreed
     * @throws HandshakeException (400) when none is agreed and the policy requires one
     */
    public Optional<String> select(Subprotocols offered) {
        return select(supported, offered.offered());
    }

    /**
     * Chooses from {@code offered} among {@code supportedHere}, with this policy's selection
     * and requirement: for when a container supplies the supported list.
     *
     * @throws HandshakeException (400) when none is agreed and the policy requires one
     */
    public Optional<String> select(List<String> supportedHere, List<String> offered) {
        String chosen = null;
        if (selection == Selection.CLIENT_PREFERENCE) {
            for (String o : offered) {
                if (supportedHere.contains(o)) {
                    chosen = o;
                    break;
                }
            }
        } else {
            for (String s : supportedHere) {
                if (offered.contains(s)) {
                    chosen = s;
                    break;
                }
            }
        }
        if (chosen == null && required) {
            String what = offered.isEmpty() ? "no subprotocol was offered"
                    : "none of the offered subprotocols " + OneLine.of(String.valueOf(offered)) + " is supported";
            throw new HandshakeException(HttpSpec.SC_BAD_REQUEST, "no-subprotocol",
                    "This endpoint requires a subprotocol, but " + what + "; supported: " + supportedHere);
        }
        return Optional.ofNullable(chosen);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubprotocolPolicy other && supported.equals(other.supported)
                && selection == other.selection && required == other.required;
    }

    @Override
    public int hashCode() {
        return Objects.hash(supported, selection, required);
    }

    @Override
    public String toString() {
        return "SubprotocolPolicy" + supported + " " + selection + (required ? " required" : "");
    }
}
