package dev.switchboard.tomcat.tls;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The open links into the internal connector, keyed by the local port of each link's socket,
 * which is the remote port the internal connector sees. Only sockets this process opened are
 * ever registered, each before its first byte is sent and removed before it is closed; while it
 * is open the operating system gives its port to no one else on the loopback address. A
 * connection to the internal connector from anywhere else finds no entry and is closed unread.
 * Thread-safe.
 */
final class Bridges {

    private final ConcurrentHashMap<Integer, Bridge> byPort = new ConcurrentHashMap<>();

    /** @return false if the port is already registered (the caller must not use its socket) */
    boolean register(int linkPort, Bridge bridge) {
        return byPort.putIfAbsent(linkPort, bridge) == null;
    }

    void unregister(int linkPort, Bridge bridge) {
        byPort.remove(linkPort, bridge);
    }

    /** The bridge whose link has local port {@code remotePort} on the loopback address, or null. */
    Bridge find(String remoteAddress, int remotePort) {
        if (!"127.0.0.1".equals(remoteAddress)) {
            return null;
        }
        return byPort.get(remotePort);
    }

    int size() {
        return byPort.size();
    }
}
