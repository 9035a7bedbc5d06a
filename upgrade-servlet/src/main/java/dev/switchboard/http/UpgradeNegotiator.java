package dev.switchboard.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a request's {@code Upgrade} and {@code Connection} fields against a fixed set of
 * protocols and says what may happen (RFC 9110 sections 7.6.1 and 7.8):
 *
 * <ol>
 *   <li>only HTTP/1.1 requests are upgraded; HTTP/1.0 and HTTP/2+ ignore the field;</li>
 *   <li>the field is bounded, then parsed; a malformed field is refused with 400, or
 *       ignored when {@link InvalidFieldPolicy#IGNORE} is chosen;</li>
 *   <li>without the {@code upgrade} connection option the field is ignored;</li>
 *   <li>each offer, in the client's order, is matched against the protocols' tokens (names
 *       case-insensitive, versions exact); the {@link SelectionPolicy} orders the result;</li>
 *   <li>candidates whose requirements the request does not meet are skipped, with a reason.</li>
 * </ol>
 *
 * <p>Immutable and thread-safe once built.
 *
 * @param <P> the protocol type
 */
public final class UpgradeNegotiator<P extends NegotiableProtocol> {

    /** What to do with an {@code Upgrade} field that does not parse. */
    public enum InvalidFieldPolicy {
        /** Answer 400 with a one-line reason (RFC 9110 section 15.5.1). */
        REJECT,
        /** Serve the request as if the field were absent. */
        IGNORE
    }

    private final Map<ProtocolToken, List<P>> byToken;
    private final SelectionPolicy policy;
    private final NegotiationLimits limits;
    private final InvalidFieldPolicy invalidFieldPolicy;

    public UpgradeNegotiator(Collection<? extends P> protocols, SelectionPolicy policy, NegotiationLimits limits,
            InvalidFieldPolicy invalidFieldPolicy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.invalidFieldPolicy = Objects.requireNonNull(invalidFieldPolicy, "invalidFieldPolicy");
        Map<ProtocolToken, List<P>> index = new LinkedHashMap<>();
        for (P p : protocols) {
            for (ProtocolToken t : p.tokens()) {
                index.computeIfAbsent(t, k -> new ArrayList<>(1)).add(p);
            }
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.byToken = java.util.Collections.unmodifiableMap(index);
    }

    /**
     * Negotiates one request, reading its {@code Upgrade} field under this negotiator's limits.
     *
     * @return never null; {@link Negotiation.Ignore} also when the request has no {@code Upgrade} field
     */
    public Negotiation<P> negotiate(RequestHead head) {
        return negotiate(head, UpgradeField.read(head.fieldLines(HttpSpec.UPGRADE), limits));
    }

    /**
     * Negotiates one request whose {@code Upgrade} field was read already (under the same
     * limits): the field is not read again.
     *
     * @return never null; {@link Negotiation.Ignore} also when the request has no {@code Upgrade} field
     */
    public Negotiation<P> negotiate(RequestHead head, UpgradeField field) {
        if (!field.present()) {
            return new Negotiation.Ignore<>("absent", "no Upgrade field");
        }
        String version = head.protocol();
        String versionProblem = versionProblem(version);
        if (versionProblem != null) {
            return new Negotiation.Ignore<>(versionKind(version), versionProblem);
        }
        if (HttpSpec.METHOD_CONNECT.equals(head.method())) {
            // Some containers (Jetty) deliver CONNECT to the application; it is a tunnel request
            // for its authority, whatever else it carries, and never switched here.
            return new Negotiation.Ignore<>("connect",
                    "Upgrade on a CONNECT request is ignored: CONNECT asks for a tunnel (RFC 9110 section 9.3.6)");
        }
        if (field instanceof UpgradeField.Refused refused) {
            return refused.malformed() && invalidFieldPolicy == InvalidFieldPolicy.IGNORE
                    ? new Negotiation.Ignore<>(refused.kind(), refused.error().reason())
                    : new Negotiation.Reject<>(refused.kind(), refused.error());
        }
        Upgrade upgrade = ((UpgradeField.Offered) field).upgrade();
        Connection connection;
        try {
            connection = Connection.parse(head.fieldLines(HttpSpec.CONNECTION));
        } catch (FieldSyntaxException e) {
            return invalidFieldPolicy == InvalidFieldPolicy.REJECT
                    ? new Negotiation.Reject<>("invalid-field", e)
                    : new Negotiation.Ignore<>("invalid-field", e.reason());
        }
        if (!connection.hasUpgrade()) {
            return new Negotiation.Ignore<>("no-upgrade-option",
                    "Upgrade without the \"upgrade\" connection option is ignored (RFC 9110 section 7.8)");
        }
        return candidates(head, upgrade, connection);
    }

    /** The limits this negotiator reads the {@code Upgrade} field under. */
    public NegotiationLimits limits() {
        return limits;
    }

    private Negotiation<P> candidates(RequestHead head, Upgrade upgrade, Connection connection) {
        List<Candidate<P>> matched = new ArrayList<>(2);
        for (ProtocolToken offered : upgrade.protocols()) {
            for (P protocol : byToken.getOrDefault(offered, List.of())) {
                if (!containsProtocol(matched, protocol)) {
                    matched.add(new Candidate<>(offered, registeredToken(protocol, offered), protocol));
                }
            }
        }
        List<Candidate<P>> ordered = policy.order(List.copyOf(matched), head);
        List<Candidate<P>> eligible = new ArrayList<>(ordered.size());
        List<Negotiation.Skipped<P>> skipped = new ArrayList<>(0);
        for (int i = 0; i < ordered.size(); i++) {
            Candidate<P> c = ordered.get(i);
            if (!matched.contains(c)) {
                throw new IllegalStateException("selection policy " + policy + " added " + c.token()
                        + ", which the client did not offer");
            }
            if (ordered.indexOf(c) < i) {
                throw new IllegalStateException("selection policy " + policy + " listed " + c.token()
                        + " twice");
            }
            String problem = unmetRequirement(head, connection, c.protocol());
            if (problem == null) {
                eligible.add(c);
            } else {
                skipped.add(new Negotiation.Skipped<>(c, problem));
            }
        }
        return new Negotiation.Candidates<>(upgrade, connection, List.copyOf(eligible), List.copyOf(skipped));
    }

    private static <P extends NegotiableProtocol> boolean containsProtocol(List<Candidate<P>> list, P protocol) {
        for (Candidate<P> c : list) {
            if (c.protocol() == protocol) {
                return true;
            }
        }
        return false;
    }

    private static ProtocolToken registeredToken(NegotiableProtocol protocol, ProtocolToken offered) {
        for (ProtocolToken t : protocol.tokens()) {
            if (t.matches(offered)) {
                return t;
            }
        }
        throw new IllegalStateException("protocol " + protocol + " changed its tokens");
    }

    private static String unmetRequirement(RequestHead head, Connection connection, NegotiableProtocol p) {
        for (String option : p.requiredConnectionOptions()) {
            if (!connection.contains(option)) {
                return "Connection does not list \"" + option + "\"";
            }
        }
        for (String field : p.requiredFields()) {
            int n = head.fieldLines(field).size();
            if (n != 1) {
                return "expected exactly one " + field + " field but was " + n;
            }
        }
        if (!p.acceptsContent() && head.hasContent()) {
            return "the protocol does not take requests with content";
        }
        return null;
    }

    /** Null when {@code protocol} is HTTP/1.1 or a later 1.x; otherwise why the field is ignored. */
    static String versionProblem(String protocol) {
        if (HttpVersion.allowsUpgrade(protocol)) {
            return null;
        }
        if (HttpSpec.HTTP_1_0.equals(protocol)) {
            return "Upgrade in an HTTP/1.0 request is ignored (RFC 9110 section 7.8)";
        }
        if (protocol != null && (protocol.startsWith("HTTP/2") || protocol.startsWith("HTTP/3"))) {
            return "Upgrade is connection-specific and not used over " + OneLine.of(protocol)
                    + " (RFC 9113 section 8.2.2)";
        }
        return "Upgrade is only acted on in HTTP/1.1 requests, not " + OneLine.of(protocol);
    }

    private static String versionKind(String protocol) {
        if (HttpSpec.HTTP_1_0.equals(protocol)) {
            return "http-1.0";
        }
        if (protocol != null && (protocol.startsWith("HTTP/2") || protocol.startsWith("HTTP/3"))) {
            return "http-2-or-later";
        }
        return "other-version";
    }

    /** The protocols, by token, in registration order. */
    public Map<ProtocolToken, List<P>> protocolsByToken() {
        return byToken;
    }
}
