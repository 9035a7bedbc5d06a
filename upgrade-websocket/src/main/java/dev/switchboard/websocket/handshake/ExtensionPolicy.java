package dev.switchboard.websocket.handshake;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which extensions an endpoint accepts, and on what terms (RFC 6455 section 9.1, conformance
 * WS-10). Extensions not on the allow-list are ignored; the response names only extensions
 * the client offered, each once, in the client's order, with the parameters its negotiation
 * allows. Immutable and thread-safe.
 *
 * <p>Only extensions that Switchboard can negotiate and that the containers implement may be
 * allowed: today {@code permessage-deflate}, negotiated by a {@link DeflatePolicy}.
 */
public final class ExtensionPolicy {

    /** The extensions that can be put on an allow-list. */
    public static final Set<String> NEGOTIABLE = Set.of(WebSocketSpec.PERMESSAGE_DEFLATE);

    /** permessage-deflate allowed, with {@link DeflatePolicy#DEFAULT} terms. */
    public static final ExtensionPolicy DEFAULT =
            new ExtensionPolicy(Set.of(WebSocketSpec.PERMESSAGE_DEFLATE), DeflatePolicy.DEFAULT);

    /** No extension at all. */
    public static final ExtensionPolicy NONE = new ExtensionPolicy(Set.of(), DeflatePolicy.DEFAULT);

    private final Set<String> allowed;
    private final DeflatePolicy deflate;

    private ExtensionPolicy(Set<String> allowed, DeflatePolicy deflate) {
        this.allowed = allowed;
        this.deflate = deflate;
    }

    /**
     * This policy with {@code names} as the allow-list.
     *
     * @throws IllegalArgumentException if a name is not {@linkplain #NEGOTIABLE negotiable}
     */
    public ExtensionPolicy withAllowed(List<String> names) {
        Set<String> set = new LinkedHashSet<>();
        for (String name : names) {
            if (!NEGOTIABLE.contains(name)) {
                throw new IllegalArgumentException("cannot allow extension \"" + name
                        + "\": Switchboard negotiates only " + NEGOTIABLE);
            }
            set.add(name);
        }
        return new ExtensionPolicy(Set.copyOf(set), deflate);
    }

    /** This policy with other permessage-deflate terms. */
    public ExtensionPolicy withDeflate(DeflatePolicy policy) {
        return new ExtensionPolicy(allowed, Objects.requireNonNull(policy, "policy"));
    }

    /** The allowed extension names. */
    public Set<String> allowed() {
        return allowed;
    }

    public DeflatePolicy deflate() {
        return deflate;
    }

    /**
     * The extensions to accept from {@code offered}.
     *
     * @return the responses, in the order the client first offered each extension; empty when
     *     nothing is accepted
     */
    public List<WebSocketExtension> negotiate(WebSocketExtensions offered) {
        List<WebSocketExtension> accepted = new ArrayList<>(1);
        Set<String> done = new LinkedHashSet<>();
        for (WebSocketExtension e : offered.list()) {
            if (!allowed.contains(e.name()) || !done.add(e.name())) {
                continue;
            }
            Optional<WebSocketExtension> response = negotiateOne(e.name(), offered.named(e.name()));
            response.ifPresent(accepted::add);
        }
        return List.copyOf(accepted);
    }

    private Optional<WebSocketExtension> negotiateOne(String name, List<WebSocketExtension> offers) {
        if (WebSocketSpec.PERMESSAGE_DEFLATE.equals(name)) {
            return deflate.negotiate(offers);
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtensionPolicy other && allowed.equals(other.allowed) && deflate.equals(other.deflate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(allowed, deflate);
    }

    @Override
    public String toString() {
        return "ExtensionPolicy" + allowed + " " + deflate;
    }
}
