package dev.switchboard.demo.launcher;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The launcher's options, from command-line flags and, where a flag is absent, from
 * environment variables of the same name ({@code --http-port} and {@code SWITCHBOARD_HTTP_PORT}).
 * Flags win. Port 0 picks a free port. Immutable.
 *
 * @param tunnelTarget where {@code /tunnel/} leads, or {@code null} for the launcher's own backend
 * @param allowedOrigins origins allowed to open WebSockets besides the page's own
 * @param allowedHosts host names, besides the bind address and loopback, under which the demo
 *     accepts upgrade requests ({@code *} for any)
 */
public record LauncherOptions(String bindAddress, int httpPort, int httpsPort, Path keystore, String keystorePassword,
        URI tunnelTarget, List<String> allowedOrigins, List<String> allowedHosts, boolean help) {

    /** The names every demo answers to, besides its bind address. */
    static final List<String> LOOPBACK_HOSTS = List.of("localhost", "127.0.0.1", "[::1]");

    public LauncherOptions {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = List.copyOf(allowedHosts);
    }

    /**
     * The demo's {@code switchboard.allowedHosts}: its bind address (unless it binds every
     * address), the loopback names, and the configured ones; or {@code *} when one of those is
     * {@code *}. A page served under any other name (a DNS-rebound one) cannot upgrade.
     */
    public List<String> servedHosts() {
        if (allowedHosts.contains("*")) {
            return List.of("*");
        }
        java.util.LinkedHashSet<String> hosts = new java.util.LinkedHashSet<>();
        if (!bindAddress.equals("0.0.0.0") && !bindAddress.equals("::") && !bindAddress.equals("[::]")) {
            hosts.add(bindAddress.contains(":") && !bindAddress.startsWith("[") ? "[" + bindAddress + "]" : bindAddress);
        }
        hosts.addAll(LOOPBACK_HOSTS);
        hosts.addAll(allowedHosts);
        return List.copyOf(hosts);
    }

    static final String USAGE = String.join("\n",
            "Usage: upgrade-demo [options]",
            "  --http-port N          cleartext port (default 8080; 0 picks a free port)   env SWITCHBOARD_HTTP_PORT",
            "  --https-port N         TLS port (default 8443; 0 picks a free port)          env SWITCHBOARD_HTTPS_PORT",
            "  --bind-address ADDR    address to listen on (default 127.0.0.1)              env SWITCHBOARD_BIND_ADDRESS",
            "  --keystore FILE        PKCS#12 key store for TLS (default: a self-signed one made at first start)",
            "                                                                             env SWITCHBOARD_KEYSTORE",
            "  --keystore-password P  its password (default changeit)                     env SWITCHBOARD_KEYSTORE_PASSWORD",
            "  --tunnel-target URL    where /tunnel/ leads, http:// or https:// (default: a WebSocket and echo/1",
            "                         backend the launcher starts on a free loopback port)  env SWITCHBOARD_TUNNEL_TARGET",
            "  --allowed-origin O     an origin, such as https://app.example.com, that may open WebSockets besides",
            "                         the page's own; repeatable             env SWITCHBOARD_ALLOWED_ORIGIN (comma-separated)",
            "  --allowed-host H       a name, such as demo.example.com or *.example.com, under which upgrades are",
            "                         served besides the bind address, localhost, 127.0.0.1 and [::1] (others get",
            "                         421, against DNS rebinding); * for any; repeatable",
            "                                                                env SWITCHBOARD_ALLOWED_HOST (comma-separated)",
            "  --help                 this text");

    /**
     * @throws IllegalArgumentException naming the flag, for an unknown flag or a bad value
     */
    public static LauncherOptions parse(String[] args, Map<String, String> env) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean help = rest.remove("--help") | rest.remove("-h");
        String bind = take(rest, "--bind-address", env, "127.0.0.1");
        int http = port("--http-port", take(rest, "--http-port", env, "8080"));
        int https = port("--https-port", take(rest, "--https-port", env, "8443"));
        String keystore = take(rest, "--keystore", env, null);
        String password = take(rest, "--keystore-password", env, "changeit");
        String target = take(rest, "--tunnel-target", env, null);
        List<String> origins = takeAll(rest, "--allowed-origin", env);
        List<String> hosts = takeAll(rest, "--allowed-host", env);
        hosts.forEach(LauncherOptions::host);
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("unknown option: " + rest.get(0));
        }
        return new LauncherOptions(bind, http, https, keystore == null ? null : Path.of(keystore), password,
                target == null ? null : tunnelTarget(target), origins.stream().map(LauncherOptions::origin).toList(),
                hosts, help);
    }

    /** Every value of a repeatable flag; without any, the environment's comma-separated list. */
    private static List<String> takeAll(List<String> args, String flag, Map<String, String> env) {
        List<String> values = new ArrayList<>();
        while (args.contains(flag) || args.stream().anyMatch(a -> a.startsWith(flag + "="))) {
            values.add(take(args, flag, Map.of(), null));
        }
        if (values.isEmpty()) {
            String fromEnv = env.get(envName(flag));
            if (fromEnv != null) {
                for (String v : fromEnv.split("[,\\s]+")) {
                    if (!v.isEmpty()) {
                        values.add(v);
                    }
                }
            }
        }
        return values;
    }

    private static URI tunnelTarget(String value) {
        try {
            URI uri = new URI(value);
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null) {
                // What follows /tunnel/ follows the URL's path: an empty path is the root.
                return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? URI.create(value + "/") : uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("--tunnel-target: expected an http:// or https:// URL such as "
                + "http://127.0.0.1:9000/ but was \"" + value + "\"");
    }

    /** A light check; the WebSocket origin policy reads the value in full when the application starts. */
    private static String origin(String value) {
        if (value.matches("(?i)https?://[^/\\s,]+") || value.equals("null")) {
            return value;
        }
        throw new IllegalArgumentException("--allowed-origin: expected an origin such as https://app.example.com "
                + "(scheme, host, optional port, no path) but was \"" + value + "\"");
    }

    /** Checked as the application will read it. */
    private static void host(String value) {
        try {
            dev.switchboard.servlet.AllowedHosts.of(List.of(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--allowed-host: " + e.getMessage(), e);
        }
    }

    private static String take(List<String> args, String flag, Map<String, String> env, String fallback) {
        int i = args.indexOf(flag);
        if (i >= 0) {
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(flag + ": expected a value");
            }
            args.remove(i);
            return args.remove(i);
        }
        for (String a : args) {
            if (a.startsWith(flag + "=")) {
                args.remove(a);
                return a.substring(flag.length() + 1);
            }
        }
        String fromEnv = env.get(envName(flag));
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv.trim() : fallback;
    }

    /** {@code --http-port} becomes {@code SWITCHBOARD_HTTP_PORT}. */
    static String envName(String flag) {
        return "SWITCHBOARD_" + flag.substring(2).replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    private static int port(String flag, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + ": expected a port from 0 to 65535 but was \"" + value + "\"");
    }
}
