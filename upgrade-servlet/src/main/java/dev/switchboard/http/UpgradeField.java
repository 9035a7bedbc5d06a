package dev.switchboard.http;

import java.util.List;

/**
 * A request's {@code Upgrade} field read once, under the context's {@link NegotiationLimits}:
 * absent, offered (parsed), or refused (over a limit, or malformed). Everything that acts on a
 * request's {@code Upgrade} (the TLS policy, the tunnel, the WebSocket guard, negotiation)
 * reads this one value, so the limits apply on every path and the field is parsed once.
 *
 * <p>The limits are checked in this order: the combined length of the lines before anything is
 * parsed, then the syntax, then the number of protocols (RFC 9110 section 7.8). Immutable.
 */
public sealed interface UpgradeField {

    /** The request has no {@code Upgrade} field line. */
    UpgradeField ABSENT = new Absent();

    /**
     * Reads the field lines of one request, combined in order.
     *
     * @param lines the {@code Upgrade} field lines, possibly empty
     * @return {@link #ABSENT} for no line; never null
     */
    static UpgradeField read(List<String> lines, NegotiationLimits limits) {
        if (lines.isEmpty()) {
            return ABSENT;
        }
        int length = 0;
        for (String line : lines) {
            length += line.length();
        }
        if (length > limits.maxFieldLength()) {
            return new Refused(Refused.FIELD_TOO_LARGE, new HttpStatusException(HttpSpec.SC_REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "Upgrade field is " + length + " characters long; the limit is " + limits.maxFieldLength()));
        }
        Upgrade upgrade;
        try {
            upgrade = Upgrade.parse(lines);
        } catch (FieldSyntaxException e) {
            return new Refused(Refused.INVALID_FIELD, e);
        }
        if (upgrade.protocols().size() > limits.maxProtocols()) {
            return new Refused(Refused.TOO_MANY_PROTOCOLS, new HttpStatusException(
                    HttpSpec.SC_REQUEST_HEADER_FIELDS_TOO_LARGE, "Upgrade field lists " + upgrade.protocols().size()
                            + " protocols; the limit is " + limits.maxProtocols()));
        }
        return new Offered(upgrade);
    }

    /** The parsed field, or null when it is absent or refused. */
    default Upgrade offeredOrNull() {
        return this instanceof Offered o ? o.upgrade() : null;
    }

    /** Whether the request has an {@code Upgrade} field line at all. */
    default boolean present() {
        return !(this instanceof Absent);
    }

    /** No {@code Upgrade} field line. */
    record Absent() implements UpgradeField {
    }

    /** A well-formed field within the limits. */
    record Offered(Upgrade upgrade) implements UpgradeField {
    }

    /**
     * A field over a limit ({@code 431}) or malformed ({@code 400}).
     *
     * @param kind {@link #FIELD_TOO_LARGE}, {@link #TOO_MANY_PROTOCOLS} or {@link #INVALID_FIELD}
     * @param error the status and one-line reason to refuse with
     */
    record Refused(String kind, HttpStatusException error) implements UpgradeField {
        /** The lines together are longer than {@link NegotiationLimits#maxFieldLength()}. */
        public static final String FIELD_TOO_LARGE = "field-too-large";
        /** The field lists more than {@link NegotiationLimits#maxProtocols()} protocols. */
        public static final String TOO_MANY_PROTOCOLS = "too-many-protocols";
        /** The field does not parse (RFC 9110 section 7.8). */
        public static final String INVALID_FIELD = "invalid-field";

        /** Whether the field is malformed rather than over a limit. */
        public boolean malformed() {
            return INVALID_FIELD.equals(kind);
        }
    }
}
