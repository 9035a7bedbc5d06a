package dev.switchboard.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.servlet.HandlerOptions;
import dev.switchboard.servlet.Settings;
import dev.switchboard.tls.internal.UrlPatterns;

/**
 * The settings of the RFC 2817 {@code TLS/1.x} protocol: the key material, the TLS versions
 * and suites, which requests may upgrade, and the limits of the handshake and of the
 * connections it carries. Immutable; build with {@link #builder(Path)} or read with
 * {@link #from(Settings)}. Every option is listed, with its default, in the module's README.
 *
 * <p>Naming a key store enables in-place TLS for the mandatory form of RFC 2817,
 * {@code OPTIONS *}, only. The optional form (a real request carrying
 * {@code Upgrade: TLS/1.x}) is what the Opossum attack (CVE-2025-49812) abuses; it is
 * enabled separately, for named resources, with {@link #OPTIONAL_UPGRADE}.
 */
public final class TlsUpgradeOptions {

    /** The PKCS#12 (or other) key store file; naming it enables the protocol. */
    public static final String KEYSTORE = "switchboard.tls.keystore";
    /** The key store's password. */
    public static final String KEYSTORE_PASSWORD = "switchboard.tls.keystorePassword";
    /** The key store type (default PKCS12). */
    public static final String KEYSTORE_TYPE = "switchboard.tls.keystoreType";
    /** The alias of the key to use (default: the store's only, or first, key). */
    public static final String KEY_ALIAS = "switchboard.tls.keyAlias";
    /** The key's password (default: the store's password). */
    public static final String KEY_PASSWORD = "switchboard.tls.keyPassword";
    /** How often the key store file is checked for changes; 0 never (default 30s). */
    public static final String KEYSTORE_RELOAD_INTERVAL = "switchboard.tls.keystoreReloadInterval";
    /** The lowest TLS version negotiated, whatever token the client sent: TLSv1.2 (default) or TLSv1.3. */
    public static final String MIN_VERSION = "switchboard.tls.minVersion";
    /** Cipher suites to enable, in JSSE names (default: the JDK's). */
    public static final String CIPHER_SUITES = "switchboard.tls.cipherSuites";
    /** Time from the 101 to the end of the TLS handshake (default 10s). */
    public static final String HANDSHAKE_TIMEOUT = "switchboard.tls.handshakeTimeout";
    /** Concurrent RFC 2817 connections; more are refused with 503 (default 1000). */
    public static final String MAX_CONNECTIONS = "switchboard.tls.maxConnections";
    /** Concurrent RFC 2817 connections from one client address; more are refused with 429 (default 32). */
    public static final String MAX_CONNECTIONS_PER_CLIENT = "switchboard.tls.maxConnectionsPerClient";
    /** Largest request head accepted over an upgraded connection (default 16KiB); larger gets 431. */
    public static final String MAX_REQUEST_HEAD_SIZE = "switchboard.tls.maxRequestHeadSize";
    /** The upgrade tokens the protocol answers to (default TLS/1.0, TLS/1.1, TLS/1.2, TLS/1.3). */
    public static final String TOKENS = "switchboard.tls.tokens";
    /**
     * URL patterns whose GET, HEAD and OPTIONS requests may upgrade in place with
     * {@code Upgrade: TLS/1.x} (RFC 2817's optional form); none by default. Read the module
     * README's section on the Opossum attack first.
     */
    public static final String OPTIONAL_UPGRADE = "switchboard.tls.optionalUpgrade";
    /** Whether a handshake whose ClientHello offers {@code h2} in ALPN is refused (default true). */
    public static final String REFUSE_HTTP2_OFFERS = "switchboard.tls.refuseHttp2Offers";
    /** Prefix of the handler limits of upgraded connections ({@code switchboard.tls.idleTimeout}, ...). */
    public static final String HANDLER_PREFIX = "switchboard.tls";

    private static final List<ProtocolToken> DEFAULT_TOKENS =
            List.of(TlsSpec.TLS_1_0, TlsSpec.TLS_1_1, TlsSpec.TLS_1_2, TlsSpec.TLS_1_3);

    private final Path keystore;
    private final String keystorePassword;
    private final String keystoreType;
    private final String keyAlias;
    private final String keyPassword;
    private final Duration keystoreReloadInterval;
    private final String minVersion;
    private final List<String> cipherSuites;
    private final Duration handshakeTimeout;
    private final int maxConnections;
    private final int maxConnectionsPerClient;
    private final int maxRequestHeadSize;
    private final List<ProtocolToken> tokens;
    private final List<String> optionalUpgrade;
    private final boolean refuseHttp2Offers;
    private final HandlerOptions handlerOptions;

    private TlsUpgradeOptions(Builder b) {
        this.keystore = Objects.requireNonNull(b.keystore, "keystore");
        this.keystorePassword = b.keystorePassword;
        this.keystoreType = b.keystoreType;
        this.keyAlias = b.keyAlias;
        this.keyPassword = b.keyPassword;
        this.keystoreReloadInterval = b.keystoreReloadInterval;
        this.minVersion = b.minVersion;
        this.cipherSuites = List.copyOf(b.cipherSuites);
        this.handshakeTimeout = b.handshakeTimeout;
        this.maxConnections = b.maxConnections;
        this.maxConnectionsPerClient = b.maxConnectionsPerClient;
        this.maxRequestHeadSize = b.maxRequestHeadSize;
        this.tokens = List.copyOf(b.tokens);
        this.optionalUpgrade = List.copyOf(b.optionalUpgrade);
        this.refuseHttp2Offers = b.refuseHttp2Offers;
        this.handlerOptions = b.handlerOptions;
        UrlPatterns.of(optionalUpgrade); // fail now, not on the first request
    }

    public static Builder builder(Path keystore) {
        return new Builder(keystore);
    }

    /** Whether {@code settings} name a key store, which enables the protocol. */
    public static boolean configured(Settings settings) {
        return settings.get(KEYSTORE).isPresent();
    }

    /**
     * The minimum TLS version in {@code settings}, as a JSSE name.
     *
     * @throws IllegalArgumentException if it is neither TLSv1.2 nor TLSv1.3
     */
    public static String minVersion(Settings settings) {
        String value = settings.getString(MIN_VERSION, TlsSpec.TLS_V1_2);
        try {
            return TlsVersions.requireMinimum(value);
        } catch (IllegalArgumentException e) {
            throw Settings.invalid(MIN_VERSION, "TLSv1.2 or TLSv1.3", value);
        }
    }

    /**
     * Reads every option from {@code settings}.
     *
     * @throws IllegalArgumentException naming the parameter, if a value is invalid or no key
     *     store is named
     */
    public static TlsUpgradeOptions from(Settings settings) {
        String keystore = settings.get(KEYSTORE)
                .orElseThrow(() -> new IllegalArgumentException(KEYSTORE + ": expected a key store file but none is set"));
        Builder b = builder(Path.of(keystore));
        b.keystorePassword(settings.getString(KEYSTORE_PASSWORD, ""));
        b.keystoreType(settings.getString(KEYSTORE_TYPE, "PKCS12"));
        settings.get(KEY_ALIAS).ifPresent(b::keyAlias);
        settings.get(KEY_PASSWORD).ifPresent(b::keyPassword);
        b.keystoreReloadInterval(settings.getDuration(KEYSTORE_RELOAD_INTERVAL, Duration.ofSeconds(30)));
        b.minVersion(minVersion(settings));
        b.cipherSuites(settings.getList(CIPHER_SUITES));
        Duration handshake = settings.getDuration(HANDSHAKE_TIMEOUT, Duration.ofSeconds(10));
        if (handshake.isZero()) {
            throw Settings.invalid(HANDSHAKE_TIMEOUT, "a duration above zero such as 10s", "0");
        }
        b.handshakeTimeout(handshake);
        b.maxConnections(settings.getInt(MAX_CONNECTIONS, 1000, 1, 1_000_000));
        b.maxConnectionsPerClient(settings.getInt(MAX_CONNECTIONS_PER_CLIENT, 32, 1, 1_000_000));
        b.maxRequestHeadSize(settings.getSize(MAX_REQUEST_HEAD_SIZE, 16 * 1024, 1024, 1024 * 1024));
        List<String> tokens = settings.getList(TOKENS);
        if (!tokens.isEmpty()) {
            b.tokens(tokens(tokens));
        }
        List<String> optional = settings.getList(OPTIONAL_UPGRADE);
        try {
            UrlPatterns.of(optional);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(OPTIONAL_UPGRADE + ": " + e.getMessage(), e);
        }
        b.optionalUpgrade(optional);
        b.refuseHttp2Offers(settings.getBoolean(REFUSE_HTTP2_OFFERS, true));
        b.handlerOptions(HandlerOptions.from(settings, HANDLER_PREFIX));
        return b.build();
    }

    private static List<ProtocolToken> tokens(List<String> items) {
        List<ProtocolToken> out = new ArrayList<>();
        for (String item : items) {
            try {
                ProtocolToken token = ProtocolToken.parse(item);
                if (token.hasName(TlsSpec.TLS_PROTOCOL_NAME)) {
                    out.add(token);
                    continue;
                }
            } catch (FieldSyntaxException e) {
                // reported below
            }
            throw Settings.invalid(TOKENS, "TLS tokens such as TLS/1.2", item);
        }
        return out;
    }

    public Path keystore() {
        return keystore;
    }

    public String keystorePassword() {
        return keystorePassword;
    }

    public String keystoreType() {
        return keystoreType;
    }

    public Optional<String> keyAlias() {
        return Optional.ofNullable(keyAlias);
    }

    /** The key's password: its own, or the store's. */
    public String keyPassword() {
        return keyPassword != null ? keyPassword : keystorePassword;
    }

    public Duration keystoreReloadInterval() {
        return keystoreReloadInterval;
    }

    /** The lowest TLS version negotiated, as a JSSE name. */
    public String minVersion() {
        return minVersion;
    }

    /** Cipher suites to enable; empty for the JDK's defaults. */
    public List<String> cipherSuites() {
        return cipherSuites;
    }

    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    public int maxConnections() {
        return maxConnections;
    }

    /** Connections one client address may hold, from its 101 to its close. */
    public int maxConnectionsPerClient() {
        return maxConnectionsPerClient;
    }

    public int maxRequestHeadSize() {
        return maxRequestHeadSize;
    }

    /** The upgrade tokens the protocol answers to. */
    public List<ProtocolToken> tokens() {
        return tokens;
    }

    /** URL patterns whose GET, HEAD and OPTIONS may use RFC 2817's optional form; empty for none. */
    public List<String> optionalUpgrade() {
        return optionalUpgrade;
    }

    /** Whether a handshake whose ClientHello offers {@code h2} is refused. */
    public boolean refuseHttp2Offers() {
        return refuseHttp2Offers;
    }

    /** Idle and first-byte timeouts, buffer sizes and output limits of upgraded connections. */
    public HandlerOptions handlerOptions() {
        return handlerOptions;
    }

    /** Builds {@link TlsUpgradeOptions}; every setter has the default named in the README. */
    public static final class Builder {
        private final Path keystore;
        private String keystorePassword = "";
        private String keystoreType = "PKCS12";
        private String keyAlias;
        private String keyPassword;
        private Duration keystoreReloadInterval = Duration.ofSeconds(30);
        private String minVersion = TlsSpec.TLS_V1_2;
        private List<String> cipherSuites = List.of();
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private int maxConnections = 1000;
        private int maxConnectionsPerClient = 32;
        private int maxRequestHeadSize = 16 * 1024;
        private List<ProtocolToken> tokens = DEFAULT_TOKENS;
        private List<String> optionalUpgrade = List.of();
        private boolean refuseHttp2Offers = true;
        private HandlerOptions handlerOptions = HandlerOptions.DEFAULT;

        private Builder(Path keystore) {
            this.keystore = Objects.requireNonNull(keystore, "keystore");
        }

        public Builder keystorePassword(String password) {
            this.keystorePassword = Objects.requireNonNull(password);
            return this;
        }

        public Builder keystoreType(String type) {
            this.keystoreType = Objects.requireNonNull(type);
            return this;
        }

        public Builder keyAlias(String alias) {
            this.keyAlias = alias;
            return this;
        }

        public Builder keyPassword(String password) {
            this.keyPassword = password;
            return this;
        }

        /** How often the key store file is checked for changes; zero never. */
        public Builder keystoreReloadInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("expected an interval of zero or more but was " + interval);
            }
            this.keystoreReloadInterval = interval;
            return this;
        }

        /** TLSv1.2 or TLSv1.3. */
        public Builder minVersion(String jsseName) {
            this.minVersion = TlsVersions.requireMinimum(jsseName);
            return this;
        }

        public Builder cipherSuites(List<String> suites) {
            this.cipherSuites = List.copyOf(suites);
            return this;
        }

        public Builder handshakeTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("expected a handshake timeout above zero but was " + timeout);
            }
            this.handshakeTimeout = timeout;
            return this;
        }

        public Builder maxConnections(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("expected maxConnections >= 1 but was " + max);
            }
            this.maxConnections = max;
            return this;
        }

        public Builder maxConnectionsPerClient(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("expected maxConnectionsPerClient >= 1 but was " + max);
            }
            this.maxConnectionsPerClient = max;
            return this;
        }

        public Builder maxRequestHeadSize(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("expected maxRequestHeadSize >= 1024 but was " + bytes);
            }
            this.maxRequestHeadSize = bytes;
            return this;
        }

        public Builder tokens(List<ProtocolToken> tokens) {
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("expected at least one token");
            }
            this.tokens = List.copyOf(tokens);
            return this;
        }

        /**
         * URL patterns whose GET, HEAD and OPTIONS may upgrade in place with a real request
         * (RFC 2817's optional form); by default none: only {@code OPTIONS *} upgrades.
         */
        public Builder optionalUpgrade(List<String> urlPatterns) {
            this.optionalUpgrade = List.copyOf(urlPatterns);
            return this;
        }

        /** Whether a handshake whose ClientHello offers {@code h2} is refused (default true). */
        public Builder refuseHttp2Offers(boolean refuse) {
            this.refuseHttp2Offers = refuse;
            return this;
        }

        public Builder handlerOptions(HandlerOptions options) {
            this.handlerOptions = Objects.requireNonNull(options);
            return this;
        }

        /**
         * @throws IllegalArgumentException if a URL pattern is invalid
         */
        public TlsUpgradeOptions build() {
            return new TlsUpgradeOptions(this);
        }
    }
}
