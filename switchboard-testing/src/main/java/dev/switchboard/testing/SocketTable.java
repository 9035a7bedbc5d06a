package dev.switchboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The TCP sockets of this machine that touch the IPv4 loopback address, read from Linux's
 * {@code /proc/net/tcp} and {@code /proc/net/tcp6} (the JDK's sockets are dual-stack, so
 * IPv4 loopback connections may be listed as IPv4-mapped IPv6): for tests that must see
 * what a server holds open, such as the loopback connection of an RFC 2817 bridge, without
 * asking the server. Both ends of a loopback connection are listed, each as its own entry.
 */
public final class SocketTable {

    /** {@code TCP_ESTABLISHED} in the kernel's tables. */
    public static final int ESTABLISHED = 0x01;
    /** {@code TCP_CLOSE_WAIT}: the peer has closed, this end has not. */
    public static final int CLOSE_WAIT = 0x08;

    private static final String LOOPBACK_V4 = "0100007F";
    private static final String LOOPBACK_MAPPED = "0000000000000000FFFF00000100007F";

    /**
     * One socket between two loopback endpoints.
     *
     * @param localPort this end's port
     * @param remotePort the other end's port
     * @param state the kernel's state, such as {@link #ESTABLISHED}
     */
    public record Entry(int localPort, int remotePort, int state) {

        /** Whether the connection is up at this end, or half-closed by the other end only. */
        public boolean open() {
            return state == ESTABLISHED || state == CLOSE_WAIT;
        }
    }

    private SocketTable() {
    }

    /** The sockets whose both ends are on 127.0.0.1. */
    public static List<Entry> loopback() {
        List<Entry> out = new ArrayList<>();
        for (String name : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path table = Path.of(name);
            if (!Files.exists(table)) {
                throw new IllegalStateException("this test reads Linux's socket tables; " + name + " is missing");
            }
            try {
                for (String line : Files.readAllLines(table)) {
                    Entry e = parse(line.trim().split("\\s+"));
                    if (e != null) {
                        out.add(e);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * The local ports of the open loopback connections to {@code port} (ESTABLISHED or
     * CLOSE_WAIT at the connecting end). Compare two readings to see which connections a
     * server opened in between: connections only ever leave this set by closing.
     */
    public static Set<Integer> openConnectionsTo(int port) {
        return loopback().stream().filter(e -> e.remotePort() == port && e.open()).map(Entry::localPort)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The ports of {@code now} that {@code before} did not have. */
    public static Set<Integer> opened(Set<Integer> before, Set<Integer> now) {
        Set<Integer> out = new TreeSet<>(now);
        out.removeAll(before);
        return out;
    }

    /** Whether the listening end of the connection from {@code clientPort} to {@code port} is still open. */
    public static boolean serverEndOpen(int port, int clientPort) {
        return loopback().stream().anyMatch(e -> e.localPort() == port && e.remotePort() == clientPort && e.open());
    }

    private static Entry parse(String[] f) {
        if (f.length < 4 || !f[1].contains(":") || !f[2].contains(":")) {
            return null;
        }
        String local = f[1].toUpperCase(Locale.ROOT);
        String remote = f[2].toUpperCase(Locale.ROOT);
        if (!loopback(local) || !loopback(remote)) {
            return null;
        }
        try {
            return new Entry(port(local), port(remote), Integer.parseInt(f[3], 16));
        } catch (NumberFormatException e) {
            return null; // the header line
        }
    }

    private static boolean loopback(String endpoint) {
        String address = endpoint.substring(0, endpoint.indexOf(':'));
        return address.equals(LOOPBACK_V4) || address.equals(LOOPBACK_MAPPED);
    }

    private static int port(String endpoint) {
        return Integer.parseInt(endpoint.substring(endpoint.indexOf(':') + 1), 16);
    }
}
