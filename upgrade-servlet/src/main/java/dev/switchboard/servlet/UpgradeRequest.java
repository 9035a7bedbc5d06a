package dev.switchboard.servlet;

import dev.switchboard.http.Connection;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.RequestHead;
import dev.switchboard.http.Upgrade;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One upgrade request as a protocol sees it: the servlet request and response, the request
 * head negotiation read, the parsed {@code Upgrade} and {@code Connection} fields, and which of
 * the client's offers matched this protocol. Valid only during {@link UpgradeProtocol#decide}.
 */
public final class UpgradeRequest {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final RequestHead head;
    private final ProtocolToken offered;
    private final ProtocolToken token;
    private final Upgrade upgrade;
    private final Connection connection;

    UpgradeRequest(HttpServletRequest request, HttpServletResponse response, RequestHead head,
            ProtocolToken offered, ProtocolToken token, Upgrade upgrade, Connection connection) {
        this.request = request;
        this.response = response;
        this.head = head;
        this.offered = offered;
        this.token = token;
        this.upgrade = upgrade;
        this.connection = connection;
    }

    public HttpServletRequest servletRequest() {
        return request;
    }

    public HttpServletResponse servletResponse() {
        return response;
    }

    /** The request head that negotiation read, for reading further fields without rebuilding it. */
    public RequestHead head() {
        return head;
    }

    /** The client's offer that matched, as the client spelled it. */
    public ProtocolToken offered() {
        return offered;
    }

    /** The protocol's own token that matched the offer. */
    public ProtocolToken token() {
        return token;
    }

    /** Every protocol the client offered, in its order of preference. */
    public Upgrade upgrade() {
        return upgrade;
    }

    /** The request's connection options. */
    public Connection connection() {
        return connection;
    }
}
