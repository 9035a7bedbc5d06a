package dev.switchboard.http;

/**
 * The version in a request or status line: {@code HTTP-version = "HTTP/" DIGIT "." DIGIT}
 * (RFC 9112 section 2.3), case-sensitive, as servlet containers also report it
 * ({@code HTTP/2.0} for HTTP/2). Immutable.
 *
 * <p>{@link #allowsUpgrade()} says whether the {@code Upgrade} mechanism applies: to HTTP/1.1
 * and later 1.x versions (RFC 9110 section 7.8; minor versions are compatible, section 2.5,
 * and RFC 6455 section 4.1 asks for "HTTP/1.1 or higher"), not to HTTP/1.0 (UPG-04), and not
 * to HTTP/2 or later, where connection-specific fields do not exist (UPG-05, RFC 9113 section
 * 8.2.2).
 */
public final class HttpVersion {

    public static final HttpVersion HTTP_1_0 = new HttpVersion(1, 0);
    public static final HttpVersion HTTP_1_1 = new HttpVersion(1, 1);
    public static final HttpVersion HTTP_2_0 = new HttpVersion(2, 0);

    private static final String WHAT = "HTTP version";

    private final int major;
    private final int minor;

    private HttpVersion(int major, int minor) {
        this.major = major;
        this.minor = minor;
    }

    /**
     * Parses {@code HTTP/x.y}.
     *
     * @throws WireFormatException (400) for anything else: {@code http/1.1}, {@code HTTP/1},
     *     {@code HTTP/1.10}, surrounding whitespace
     */
    public static HttpVersion parse(String text) {
        if (text == null || text.length() != 8 || !text.startsWith("HTTP/") || text.charAt(6) != '.'
                || !isDigit(text.charAt(5)) || !isDigit(text.charAt(7))) {
            throw new WireFormatException(WHAT, "expected HTTP/DIGIT.DIGIT but was "
                    + (text == null ? "null" : "\"" + OneLine.of(text) + "\""));
        }
        return of(text.charAt(5) - '0', text.charAt(7) - '0');
    }

    /**
     * Whether a request of {@code protocol}, as a servlet container reports it
     * ({@code getProtocol()}: {@code HTTP/1.1}, {@code HTTP/2.0}, ...), acts on {@code Upgrade}:
     * HTTP/1.1 or a later HTTP/1.x (see {@link #allowsUpgrade()}). Anything that is not
     * {@code HTTP/DIGIT.DIGIT}, null included, does not.
     */
    public static boolean allowsUpgrade(String protocol) {
        return protocol != null && protocol.length() == 8 && protocol.startsWith("HTTP/1.")
                && isDigit(protocol.charAt(7)) && of(1, protocol.charAt(7) - '0').allowsUpgrade();
    }

    /**
     * @throws IllegalArgumentException unless both numbers are single digits
     */
    public static HttpVersion of(int major, int minor) {
        if (major < 0 || major > 9 || minor < 0 || minor > 9) {
            throw new IllegalArgumentException("expected single digits but was " + major + "." + minor);
        }
        if (major == 1) {
            return minor == 1 ? HTTP_1_1 : minor == 0 ? HTTP_1_0 : new HttpVersion(1, minor);
        }
        return major == 2 && minor == 0 ? HTTP_2_0 : new HttpVersion(major, minor);
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    /** Whether {@code Upgrade} is acted on in this version: HTTP/1.1 or a later HTTP/1.x. */
    public boolean allowsUpgrade() {
        return major == 1 && minor >= 1;
    }

    /** Whether this version is {@code other} or a later minor version of the same major version. */
    public boolean isAtLeast(HttpVersion other) {
        return major == other.major && minor >= other.minor;
    }

    /** {@code HTTP/1.1}. */
    @Override
    public String toString() {
        return "HTTP/" + major + "." + minor;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpVersion other && major == other.major && minor == other.minor;
    }

    @Override
    public int hashCode() {
        return major * 10 + minor;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
