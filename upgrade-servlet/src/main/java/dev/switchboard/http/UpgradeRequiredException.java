package dev.switchboard.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code 426 Upgrade Required} (RFC 9110 section 15.5.22): the server refuses the request in
 * the current protocol and names, in {@code Upgrade}, the protocols it would accept, most
 * preferred first, with {@code Connection: upgrade}.
 *
 * <pre>
 * HTTP/1.1 426
 * Upgrade: TLS/1.3, TLS/1.2, HTTP/1.1
 * Connection: upgrade
 * </pre>
 */
public final class UpgradeRequiredException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    private final transient Upgrade acceptable;

    /**
     * @param acceptable the protocols to switch to, in descending preference
     * @param reason a one-line reason for the body
     */
    public UpgradeRequiredException(Upgrade acceptable, String reason) {
        this(acceptable, reason, Map.of());
    }

    /**
     * @param acceptable the protocols to switch to, in descending preference
     * @param reason a one-line reason for the body
     * @param extraFields more fields the response must carry (such as {@code Sec-WebSocket-Version})
     */
    public UpgradeRequiredException(Upgrade acceptable, String reason, Map<String, String> extraFields) {
        super(HttpSpec.SC_UPGRADE_REQUIRED, reason, fields(acceptable, extraFields));
        this.acceptable = acceptable;
    }

    private static Map<String, String> fields(Upgrade acceptable, Map<String, String> extra) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(HttpSpec.UPGRADE, acceptable.toHeaderValue());
        fields.put(HttpSpec.CONNECTION, HttpSpec.CONNECTION_OPTION_UPGRADE);
        fields.putAll(extra);
        return fields;
    }

    /** The protocols named in {@code Upgrade}. */
    public Upgrade acceptable() {
        return acceptable;
    }
}
