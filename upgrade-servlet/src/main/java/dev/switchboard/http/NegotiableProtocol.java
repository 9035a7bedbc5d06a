package dev.switchboard.http;

import java.util.List;
import java.util.Set;

/**
 * What negotiation needs to know about a protocol before asking it to decide: the tokens it
 * answers to and the conditions a request must meet to be offered to it. A request that
 * does not meet them is never shown to the protocol (it is skipped, with a reason).
 */
public interface NegotiableProtocol {

    /**
     * The tokens this protocol answers to, in the spelling to be written in a 101. A client's
     * offer matches a token when the names are equal ignoring case and the versions are
     * equal exactly (absent equals only absent), see {@link ProtocolToken#matches}.
     */
    List<ProtocolToken> tokens();

    /**
     * Connection options the request must list besides {@code upgrade}, lower-case; for
     * example h2c requires {@code http2-settings} (RFC 7540 section 3.2.1).
     */
    default Set<String> requiredConnectionOptions() {
        return Set.of();
    }

    /** Fields that must each be present exactly once, such as {@code HTTP2-Settings}. */
    default Set<String> requiredFields() {
        return Set.of();
    }

    /**
     * Whether this protocol takes requests that carry content. When it does, the content is
     * read whole before the switch and handed over separately (RFC 9110 section 7.8); when
     * it does not, such requests are not offered to it.
     */
    default boolean acceptsContent() {
        return false;
    }
}
