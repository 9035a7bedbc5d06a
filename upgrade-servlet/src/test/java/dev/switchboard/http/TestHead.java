package dev.switchboard.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A request head built in code: a version, field lines in order, and a declared content length. */
final class TestHead implements RequestHead {

    private final String protocol;
    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private boolean secure;
    private long contentLength = -1;

    private TestHead(String protocol) {
        this.protocol = protocol;
    }

    static TestHead of(String protocol) {
        return new TestHead(protocol);
    }

    /** An HTTP/1.1 request with these {@code Upgrade} and {@code Connection} lines. */
    static TestHead upgrade(String upgrade, String connection) {
        return of("HTTP/1.1").field("Upgrade", upgrade).field("Connection", connection);
    }

    TestHead field(String name, String value) {
        fields.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        return this;
    }

    TestHead contentLength(long length) {
        this.contentLength = length;
        return this;
    }

    TestHead overTls() {
        this.secure = true;
        return this;
    }

    @Override
    public String method() {
        return "GET";
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
