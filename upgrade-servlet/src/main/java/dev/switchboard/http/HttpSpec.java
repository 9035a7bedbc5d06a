package dev.switchboard.http;

/**
 * The protocol constants Switchboard relies on, each with the section of the specification
 * that defines it. Field names are written in their registered spelling; compare them
 * case-insensitively (RFC 9110 section 5.1).
 */
public final class HttpSpec {

    private HttpSpec() {
    }

    // ---------------------------------------------------------------- field names

    /** Lists the protocols a client would switch to, or the one a server switched to (RFC 9110 section 7.8). */
    public static final String UPGRADE = "Upgrade";

    /** Lists the connection options of the current hop (RFC 9110 section 7.6.1). */
    public static final String CONNECTION = "Connection";

    /** The target's host and port (RFC 9110 section 7.2). */
    public static final String HOST = "Host";

    /** Expectations such as {@code 100-continue} (RFC 9110 section 10.1.1). */
    public static final String EXPECT = "Expect";

    /** Length of the content in octets (RFC 9110 section 8.6). */
    public static final String CONTENT_LENGTH = "Content-Length";

    /** Transfer codings applied to the content (RFC 9112 section 6.1). */
    public static final String TRANSFER_ENCODING = "Transfer-Encoding";

    /** Content type of the representation (RFC 9110 section 8.3). */
    public static final String CONTENT_TYPE = "Content-Type";

    /** Settings that an h2c upgrade carries in base64url (RFC 7540 section 3.2.1). */
    public static final String HTTP2_SETTINGS = "HTTP2-Settings";

    /** Proxy-added information about the client side of a request (RFC 7239 section 4). */
    public static final String FORWARDED = "Forwarded";

    /** De-facto standard for the scheme the client used in front of a proxy. */
    public static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";

    /** De-facto standard for the client addresses in front of a proxy. */
    public static final String X_FORWARDED_FOR = "X-Forwarded-For";

    /** De-facto standard for the host the client asked a proxy for. */
    public static final String X_FORWARDED_HOST = "X-Forwarded-Host";

    /** De-facto standard for the port the client connected to in front of a proxy. */
    public static final String X_FORWARDED_PORT = "X-Forwarded-Port";

    /** The intermediaries a message passed through (RFC 9110 section 7.6.3). */
    public static final String VIA = "Via";

    /** Hop-by-hop persistence parameters from RFC 2068 (RFC 9112 appendix C.2.2). */
    public static final String KEEP_ALIVE = "Keep-Alive";

    /** Non-standard hop-by-hop field sent by some old clients (RFC 9112 appendix C.2.2). */
    public static final String PROXY_CONNECTION = "Proxy-Connection";

    /** Transfer codings the client accepts in a response (RFC 9110 section 10.1.4). */
    public static final String TE = "TE";

    /** Names the fields that follow the content as trailers (RFC 9110 section 6.6.2). */
    public static final String TRAILER = "Trailer";

    /** The authentication challenge that must accompany a 401 (RFC 9110 section 11.6.1). */
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    /** HTTP Strict Transport Security policy (RFC 6797 section 6.1). */
    public static final String STRICT_TRANSPORT_SECURITY = "Strict-Transport-Security";

    /** Where a redirect points (RFC 9110 section 10.2.2). */
    public static final String LOCATION = "Location";

    /** The request fields a response varies on (RFC 9110 section 12.5.5). */
    public static final String VARY = "Vary";

    /** The origin of the page or script that sends the request (RFC 6454 section 7). */
    public static final String ORIGIN = "Origin";

    /** The serialization of an opaque origin, such as a sandboxed page's (RFC 6454 section 6.2). */
    public static final String NULL_ORIGIN = "null";

    /** Media types the client accepts in a response (RFC 9110 section 12.5.1). */
    public static final String ACCEPT = "Accept";

    // ---------------------------------------------------------------- tokens

    /** The connection option that must accompany {@code Upgrade} (RFC 9110 section 7.8). */
    public static final String CONNECTION_OPTION_UPGRADE = "upgrade";

    /** The connection option that closes the connection after the response (RFC 9112 section 9.6). */
    public static final String CONNECTION_OPTION_CLOSE = "close";

    /** The only expectation defined by HTTP (RFC 9110 section 10.1.1). */
    public static final String EXPECT_100_CONTINUE = "100-continue";

    /** HTTP/2 over cleartext TCP, the only h2 form negotiated by {@code Upgrade} (RFC 7540 section 3.2). */
    public static final String H2C = "h2c";

    /** HTTP/2 over TLS: selected by ALPN, never by {@code Upgrade} (RFC 7540 section 3.3). */
    public static final String H2 = "h2";

    /** Asks for a tunnel to the authority in its request target, not for a resource (RFC 9110 section 9.3.6). */
    public static final String METHOD_CONNECT = "CONNECT";

    /** The URI scheme of cleartext HTTP (RFC 9110 section 4.2.1). */
    public static final String SCHEME_HTTP = "http";

    /** The URI scheme of HTTP over TLS (RFC 9110 section 4.2.2). */
    public static final String SCHEME_HTTPS = "https";

    /** The default port of {@code http} (RFC 9110 section 4.2.1). */
    public static final int DEFAULT_HTTP_PORT = 80;

    /** The default port of {@code https} (RFC 9110 section 4.2.2). */
    public static final int DEFAULT_HTTPS_PORT = 443;

    /** The only transfer coding a recipient must understand (RFC 9112 section 7.1). */
    public static final String CHUNKED = "chunked";

    /** Protocol version string of HTTP/1.0 as servlet containers report it; see {@link HttpVersion}. */
    public static final String HTTP_1_0 = "HTTP/1.0";

    /** Protocol version string of HTTP/1.1 as servlet containers report it; see {@link HttpVersion}. */
    public static final String HTTP_1_1 = "HTTP/1.1";

    // ---------------------------------------------------------------- status codes

    /** Interim response inviting the client to send its content (RFC 9110 section 15.2.1). */
    public static final int SC_CONTINUE = 100;

    /** The server switches to the protocol named in its {@code Upgrade} field (RFC 9110 section 15.2.2). */
    public static final int SC_SWITCHING_PROTOCOLS = 101;

    /** The target has moved for this request only; the method is kept (RFC 9110 section 15.4.8). */
    public static final int SC_TEMPORARY_REDIRECT = 307;

    /** The target has moved for good; the method is kept (RFC 9110 section 15.4.9). */
    public static final int SC_PERMANENT_REDIRECT = 308;

    /** Malformed request syntax or framing (RFC 9110 section 15.5.1). */
    public static final int SC_BAD_REQUEST = 400;

    /** The request lacks valid credentials; the response carries {@code WWW-Authenticate} (RFC 9110 section 15.5.2). */
    public static final int SC_UNAUTHORIZED = 401;

    /** The server refuses the request (RFC 9110 section 15.5.4). */
    public static final int SC_FORBIDDEN = 403;

    /** No resource at the target (RFC 9110 section 15.5.5). */
    public static final int SC_NOT_FOUND = 404;

    /** The content is larger than the server is willing to process (RFC 9110 section 15.5.14). */
    public static final int SC_CONTENT_TOO_LARGE = 413;

    /** The request target is longer than the server is willing to read (RFC 9110 section 15.5.15). */
    public static final int SC_URI_TOO_LONG = 414;

    /** The request reached a server that cannot answer for its target's authority (RFC 9110 section 15.5.20). */
    public static final int SC_MISDIRECTED_REQUEST = 421;

    /** The client must switch protocols first, named in {@code Upgrade} (RFC 9110 section 15.5.22). */
    public static final int SC_UPGRADE_REQUIRED = 426;

    /** The client has sent too many requests, or holds too many connections (RFC 6585 section 4). */
    public static final int SC_TOO_MANY_REQUESTS = 429;

    /** One field, or all of them together, is too large (RFC 6585 section 5). */
    public static final int SC_REQUEST_HEADER_FIELDS_TOO_LARGE = 431;

    /** The server does not support a feature the request needs, such as a transfer coding (RFC 9110 section 15.6.2). */
    public static final int SC_NOT_IMPLEMENTED = 501;

    /** An upstream server answered with an invalid response (RFC 9110 section 15.6.3). */
    public static final int SC_BAD_GATEWAY = 502;

    /** The server cannot handle the request now, for example when at capacity (RFC 9110 section 15.6.4). */
    public static final int SC_SERVICE_UNAVAILABLE = 503;

    /** An upstream server did not answer in time (RFC 9110 section 15.6.5). */
    public static final int SC_GATEWAY_TIMEOUT = 504;

    /** The major version of the request is not supported (RFC 9110 section 15.6.6). */
    public static final int SC_HTTP_VERSION_NOT_SUPPORTED = 505;
}
