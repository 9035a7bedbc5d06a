package dev.switchboard.websocket.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.switchboard.http.RequestHead;

/** A request head built field by field, for tests of code that reads one. */
public final class TestHead implements RequestHead {

    private String method = "GET";
    private String protocol = "HTTP/1.1";
    private boolean secure;
    private long contentLength = -1;
    private final Map<String, List<String>> fields = new TreeMap<>();

    /** A valid handshake: GET, HTTP/1.1, Host, Upgrade, Connection, key, version 13. */
    public static TestHead handshake() {
        return new TestHead()
                .field("Host", "example.com")
                .field("Upgrade", "websocket")
                .field("Connection", "Upgrade")
                .field("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .field("Sec-WebSocket-Version", "13");
    }

    public TestHead method(String m) {
        this.method = m;
        return this;
    }

    public TestHead protocol(String p) {
        this.protocol = p;
        return this;
    }

    public TestHead secure(boolean s) {
        this.secure = s;
        return this;
    }

    public TestHead contentLength(long n) {
        this.contentLength = n;
        return this;
    }

    /** Adds one field line. */
    public TestHead field(String name, String value) {
        fields.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        return this;
    }

    /** Removes every line of a field. */
    public TestHead without(String name) {
        fields.remove(name.toLowerCase(Locale.ROOT));
        return this;
    }

    /** Replaces every line of a field with one. */
    public TestHead set(String name, String value) {
        return without(name).field(name, value);
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public List<String> fieldLines(String name) {
        return List.copyOf(fields.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }

    @Override
    public long contentLength() {
        return contentLength;
    }
}
