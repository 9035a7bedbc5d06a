package dev.switchboard.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.servlet.HandlerOptions;
import dev.switchboard.servlet.Settings;
import dev.switchboard.servlet.UpgradeOptions;

/**
 * The one place where init-params and context params map onto {@link TunnelOptions}. The
 * per-route parameters ({@link TunnelOptions#ROUTES}, {@link TunnelOptions#ORIGINS}) hold
 * {@code prefix -> value} entries separated by commas or line breaks.
 */
final class TunnelSettings {

    private TunnelSettings() {
    }

    /**
     * Reads every option from {@code settings}.
     *
     * @throws IllegalArgumentException naming the parameter, if a value is invalid
     */
    static TunnelOptions read(Settings settings) {
        TunnelOptions.Builder b = TunnelOptions.builder();
        settings.get(TunnelOptions.ROUTES).ifPresent(text -> b.routes(routes(text)));
        settings.get(TunnelOptions.ORIGINS).ifPresent(text -> origins(text).forEach(b::origins));
        List<String> connect = settings.getList(TunnelOptions.CONNECT);
        try {
            b.connectPolicy(ConnectPolicy.allow(connect));
        } catch (IllegalArgumentException e) {
            throw Settings.invalid(TunnelOptions.CONNECT, "host:port pairs such as db.internal:5432",
                    String.join(", ", connect));
        }
        b.connectTimeout(positive(TunnelOptions.CONNECT_TIMEOUT,
                settings.getDuration(TunnelOptions.CONNECT_TIMEOUT, TunnelOptions.Builder.CONNECT_TIMEOUT)));
        b.responseTimeout(positive(TunnelOptions.RESPONSE_TIMEOUT,
                settings.getDuration(TunnelOptions.RESPONSE_TIMEOUT, TunnelOptions.Builder.RESPONSE_TIMEOUT)));
        b.maxTunnels(settings.getInt(TunnelOptions.MAX_TUNNELS, TunnelOptions.Builder.MAX_TUNNELS, 1, 1_000_000));
        b.maxResponseHeadSize(settings.getSize(TunnelOptions.MAX_RESPONSE_HEAD_SIZE,
                TunnelOptions.Builder.MAX_RESPONSE_HEAD_SIZE, 256, 1 << 20));
        b.maxContentLength(settings.getSize(UpgradeOptions.MAX_CONTENT_LENGTH,
                TunnelOptions.Builder.MAX_CONTENT_LENGTH, 0, 64 * 1024 * 1024));
        b.handlerOptions(HandlerOptions.from(settings, TunnelOptions.HANDLER_PREFIX));
        b.forwarding(settings.getEnum(TunnelOptions.FORWARDING, ForwardingFields.class, ForwardingFields.BOTH));
        String via = settings.getString(TunnelOptions.VIA, TunnelOptions.Builder.VIA);
        b.via(via.equalsIgnoreCase("none") ? null : via);
        b.preserveHost(settings.getBoolean(TunnelOptions.PRESERVE_HOST, false));
        Optional<String> trustStore = settings.get(TunnelOptions.TRUST_STORE);
        if (trustStore.isPresent()) {
            b.sslContext(TrustStores.sslContext(TunnelOptions.TRUST_STORE, trustStore.get(),
                    settings.getString(TunnelOptions.TRUST_STORE_TYPE, "PKCS12"),
                    settings.get(TunnelOptions.TRUST_STORE_PASSWORD).orElse(null)));
        }
        b.jmx(settings.getBoolean(UpgradeOptions.JMX, true));
        return b.build();
    }

    /**
     * Parses {@code prefix -> URL} routes.
     *
     * @throws IllegalArgumentException naming {@link TunnelOptions#ROUTES} if a route is malformed
     */
    static List<Route> routes(String text) {
        List<Route> out = new ArrayList<>();
        for (Map.Entry<String, String> e : entries(TunnelOptions.ROUTES, text,
                "routes such as /tunnel/ -> http://10.0.0.5:8080/ws/")) {
            try {
                out.add(Route.of(e.getKey(), e.getValue()));
            } catch (IllegalArgumentException x) {
                throw new IllegalArgumentException(TunnelOptions.ROUTES + ": " + x.getMessage(), x);
            }
        }
        return out;
    }

    /**
     * Parses {@code prefix -> origin origin ...} entries (see {@link AllowedOrigins}).
     *
     * @throws IllegalArgumentException naming {@link TunnelOptions#ORIGINS} if an entry is malformed
     */
    static Map<String, AllowedOrigins> origins(String text) {
        Map<String, AllowedOrigins> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entries(TunnelOptions.ORIGINS, text,
                "entries such as /chat/ -> same-origin https://app.example.com")) {
            try {
                out.put(e.getKey(), AllowedOrigins.parse(e.getValue()));
            } catch (IllegalArgumentException x) {
                throw new IllegalArgumentException(TunnelOptions.ORIGINS + ": " + x.getMessage(), x);
            }
        }
        return out;
    }

    /** The {@code prefix -> value} entries of {@code text}, trimmed, in order. */
    private static List<Map.Entry<String, String>> entries(String name, String text, String expected) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String item : text.split("[,\\r\\n]")) {
            if (item.isBlank()) {
                continue;
            }
            int arrow = item.indexOf("->");
            if (arrow < 0) {
                throw Settings.invalid(name, expected, item.trim());
            }
            out.add(Map.entry(item.substring(0, arrow).trim(), item.substring(arrow + 2).trim()));
        }
        return out;
    }

    private static Duration positive(String name, Duration d) {
        if (d.isZero()) {
            throw Settings.invalid(name, "a duration above zero such as 5s", "0");
        }
        return d;
    }
}
