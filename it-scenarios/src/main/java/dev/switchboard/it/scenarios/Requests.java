package dev.switchboard.it.scenarios;

import dev.switchboard.testing.ServerUnderTest;

/** Request heads written byte for byte, so that tests control exactly what goes on the wire. */
public final class Requests {

    private Requests() {
    }

    /**
     * A request head: {@code method target version}, {@code Host}, then each of {@code fieldLines}
     * as given ({@code "Upgrade: echo/1"}), then the empty line.
     */
    public static String head(String method, String target, String version, String host, String... fieldLines) {
        StringBuilder out = new StringBuilder();
        out.append(method).append(' ').append(target).append(' ').append(version).append("\r\n");
        out.append("Host: ").append(host).append("\r\n");
        for (String line : fieldLines) {
            out.append(line).append("\r\n");
        }
        return out.append("\r\n").toString();
    }

    /** {@code GET <app>/<path> HTTP/1.1} with the given field lines. */
    public static String get(ServerUnderTest server, String path, String... fieldLines) {
        return head("GET", server.path(path), "HTTP/1.1", server.host(), fieldLines);
    }

    /** An upgrade request: {@code GET}, {@code Upgrade: <offer>}, {@code Connection: upgrade}. */
    public static String upgrade(ServerUnderTest server, String path, String offer) {
        return get(server, path, "Upgrade: " + offer, "Connection: upgrade");
    }
}
