package dev.switchboard.tls.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Predicate;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;

/**
 * What a request on an RFC 2817 connection may ask for: only this application, under the
 * authority the connection was upgraded for. The bridge forwards into the container's
 * connector, which serves every application and virtual host of the server, so a request
 * that names another authority, or a path that the container maps to another application
 * (with dot segments, encoded slashes or a nested context), is refused here. And what it may
 * not carry: the fields that would assert another client address, scheme or certificate to
 * a container that trusts the bridge's loopback address ({@link #identityFields()}).
 * Immutable and thread-safe.
 */
public final class BridgeRules {

    private final String contextPath;
    private final String host;
    private final Predicate<String> mapsHere;
    private final IdentityFields identityFields;

    /**
     * Rules that remove the known identity fields only.
     *
     * @param contextPath the application's context path, {@code ""} for the root
     * @param host the {@code Host} of the request that was upgraded
     * @param mapsHere whether the container maps a decoded path to this application
     */
    public BridgeRules(String contextPath, String host, Predicate<String> mapsHere) {
        this(contextPath, host, mapsHere, IdentityFields.known());
    }

    /**
     * @param identityFields the fields removed from every request
     */
    public BridgeRules(String contextPath, String host, Predicate<String> mapsHere, IdentityFields identityFields) {
        this.contextPath = contextPath;
        this.host = host;
        this.mapsHere = mapsHere;
        this.identityFields = identityFields;
    }

    /** The fields removed from every request: they could assert another client to the container. */
    public IdentityFields identityFields() {
        return identityFields;
    }

    /** The {@code Host} every request on the connection must carry. */
    public String host() {
        return host;
    }

    /** Whether {@code value} names the connection's authority (host names ignore case). */
    public boolean sameHost(String value) {
        return host.equalsIgnoreCase(value.trim());
    }

    /**
     * Checks a request target and returns it in origin form.
     *
     * @param method the request's method
     * @throws HttpStatusException 400 if malformed, 421 for another authority, 404 for a
     *     path outside this application
     */
    public String originForm(String method, String target) {
        if (target.equals("*")) {
            if (!method.equals("OPTIONS")) {
                throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST, "Only OPTIONS may have the target *");
            }
            return target;
        }
        String origin = target;
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            int start = lower.indexOf("//") + 2;
            int end = start;
            while (end < target.length() && target.charAt(end) != '/' && target.charAt(end) != '?') {
                end++;
            }
            if (!sameHost(target.substring(start, end))) {
                throw new HttpStatusException(HttpSpec.SC_MISDIRECTED_REQUEST,
                        "This connection serves " + host + " only, not " + target.substring(start, end));
            }
            origin = end == target.length() ? "/" : target.charAt(end) == '?' ? "/" + target.substring(end)
                    : target.substring(end);
        } else if (!target.startsWith("/")) {
            throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST, "Request target is not in origin form: " + target);
        }
        for (int i = 0; i < origin.length(); i++) {
            char c = origin.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '#') {
                throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST,
                        "Request target holds a character that is not allowed: " + origin);
            }
        }
        int query = origin.indexOf('?');
        String rawPath = query < 0 ? origin : origin.substring(0, query);
        if (rawPath.indexOf('\\') >= 0) {
            throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST, "Request path holds a backslash: " + rawPath);
        }
        String path = decodedPath(rawPath);
        boolean underContext = contextPath.isEmpty() || path.equals(contextPath)
                || path.startsWith(contextPath + "/");
        if (!underContext || !mapsHere.test(path)) {
            throw new HttpStatusException(HttpSpec.SC_NOT_FOUND,
                    "This connection serves the application at " + (contextPath.isEmpty() ? "/" : contextPath)
                            + " only");
        }
        return origin;
    }

    /**
     * The path as the container will map it: path parameters removed, percent-escapes
     * decoded (as UTF-8), empty segments dropped. Dot segments, and escapes that decode to a
     * slash, backslash, semicolon, NUL or malformed UTF-8, are refused rather than
     * interpreted.
     */
    static String decodedPath(String raw) {
        StringBuilder path = new StringBuilder(raw.length());
        int i = 1;
        while (i <= raw.length()) {
            int end = raw.indexOf('/', i);
            if (end < 0) {
                end = raw.length();
            }
            String segment = raw.substring(i, end);
            int semicolon = segment.indexOf(';');
            String decoded = decodeSegment(semicolon < 0 ? segment : segment.substring(0, semicolon));
            if (decoded.equals(".") || decoded.equals("..")) {
                throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST, "Request path has a dot segment: " + raw);
            }
            if (!decoded.isEmpty()) {
                path.append('/').append(decoded);
            }
            i = end + 1;
        }
        if (raw.endsWith("/") && path.length() > 0) {
            path.append('/');
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    private static String decodeSegment(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                out.write(c);
                continue;
            }
            if (i + 2 >= segment.length()) {
                throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST, "Request path has a broken escape: " + segment);
            }
            int b = Character.digit(segment.charAt(i + 1), 16) << 4 | Character.digit(segment.charAt(i + 2), 16);
            if (Character.digit(segment.charAt(i + 1), 16) < 0 || Character.digit(segment.charAt(i + 2), 16) < 0) {
                throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST, "Request path has a broken escape: " + segment);
            }
            if (b == '/' || b == '\\' || b == 0 || b == ';') {
                throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST,
                        "Request path has an escape that is not allowed here: " + segment);
            }
            out.write(b);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST, "Request path escapes are not UTF-8: " + segment);
        }
    }
}
