package dev.switchboard.tls;

import static dev.switchboard.tls.TlsUpgradeDeclarations.GROUP;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.switchboard.http.ProtocolToken;
import dev.switchboard.options.InvalidOptionException;
import dev.switchboard.options.Option;
import dev.switchboard.options.OptionValues;
import dev.switchboard.servlet.HandlerOptions;
import dev.switchboard.servlet.Settings;

/**
 * The settings of the RFC 2817 {@code TLS/1.x} protocol: the key material, the TLS versions
 * and suites, which requests may upgrade, and the limits of the handshake and of the
 * connections it carries. Immutable; build with {@link #builder(Path)} or read with
 * {@link #from(Settings)}. Each option, with its default, range and meaning, is declared once
 * in {@link TlsUpgradeDeclarations}, which both read; the README's tables are generated from
 * there. Naming a key store enables RFC 2817's mandatory form ({@code OPTIONS *}) only.
 */
public final class TlsUpgradeOptions {

    /** The key store file; naming it enables the protocol. */
    public static final String KEYSTORE = "switchboard.tls.keystore";
    public static final String KEYSTORE_PASSWORD = "switchboard.tls.keystorePassword";
    public static final String KEYSTORE_TYPE = "switchboard.tls.keystoreType";
    public static final String KEY_ALIAS = "switchboard.tls.keyAlias";
    public static final String KEY_PASSWORD = "switchboard.tls.keyPassword";
    public static final String KEYSTORE_RELOAD_INTERVAL = "switchboard.tls.keystoreReloadInterval";
    public static final String MIN_VERSION = "switchboard.tls.minVersion";
    public static final String CIPHER_SUITES = "switchboard.tls.cipherSuites";
    public static final String HANDSHAKE_TIMEOUT = "switchboard.tls.handshakeTimeout";
    public static final String MAX_CONNECTIONS = "switchboard.tls.maxConnections";
    public static final String MAX_CONNECTIONS_PER_CLIENT = "switchboard.tls.maxConnectionsPerClient";
    public static final String MAX_REQUEST_HEAD_SIZE = "switchboard.tls.maxRequestHeadSize";
    public static final String TOKENS = "switchboard.tls.tokens";
    /**
     * URL patterns whose real requests may upgrade in place (RFC 2817's optional form), which
     * the Opossum attack (CVE-2025-49812) abuses; read the module README's section on it first.
     */
    public static final String OPTIONAL_UPGRADE = "switchboard.tls.optionalUpgrade";
    public static final String REFUSE_HTTP2_OFFERS = "switchboard.tls.refuseHttp2Offers";
    /** Prefix of the handler limits of upgraded connections ({@code switchboard.tls.idleTimeout}, ...). */
    public static final String HANDLER_PREFIX = "switchboard.tls";

    private final Path keystore;
    private final OptionValues values;
    private final HandlerOptions handlerOptions;

    private TlsUpgradeOptions(Builder b) {
        this.keystore = b.keystore;
        this.values = b.values.build();
        this.handlerOptions = b.handlerOptions;
    }

    public static Builder builder(Path keystore) {
        return new Builder(keystore, OptionValues.builder());
    }

    /** Whether {@code settings} name a key store, which enables the protocol. */
    public static boolean configured(Settings settings) {
        return TlsUpgradeDeclarations.KEYSTORE.read(settings).isPresent();
    }

    /** The minimum TLS version in {@code settings}, as a JSSE name; an invalid one fails naming the parameter. */
    public static String minVersion(Settings settings) {
        return TlsUpgradeDeclarations.MIN_VERSION.get(settings);
    }

    /**
     * Reads every option from {@code settings}.
     *
     * @throws IllegalArgumentException naming the parameter, if a value is invalid or no key
     *     store is named
     */
    public static TlsUpgradeOptions from(Settings settings) {
        OptionValues values = GROUP.read(settings);
        String keystore = values.get(TlsUpgradeDeclarations.KEYSTORE);
        if (keystore == null) {
            throw InvalidOptionException.expected(KEYSTORE, "a key store file", "");
        }
        return new Builder(Path.of(keystore), values.toBuilder())
                .handlerOptions(HandlerOptions.from(settings, HANDLER_PREFIX)).build();
    }

    public Path keystore() {
        return keystore;
    }

    public String keystorePassword() {
        return values.get(TlsUpgradeDeclarations.KEYSTORE_PASSWORD);
    }

    public String keystoreType() {
        return values.get(TlsUpgradeDeclarations.KEYSTORE_TYPE);
    }

    public Optional<String> keyAlias() {
        return Optional.ofNullable(values.get(TlsUpgradeDeclarations.KEY_ALIAS));
    }

    /** The key's password: its own, or the store's. */
    public String keyPassword() {
        String own = values.get(TlsUpgradeDeclarations.KEY_PASSWORD);
        return own != null ? own : keystorePassword();
    }

    public Duration keystoreReloadInterval() {
        return values.get(TlsUpgradeDeclarations.KEYSTORE_RELOAD_INTERVAL);
    }

    /** As a JSSE name. */
    public String minVersion() {
        return values.get(TlsUpgradeDeclarations.MIN_VERSION);
    }

    /** Cipher suites to enable; empty for the JDK's defaults. */
    public List<String> cipherSuites() {
        return values.get(TlsUpgradeDeclarations.CIPHER_SUITES);
    }

    public Duration handshakeTimeout() {
        return values.get(TlsUpgradeDeclarations.HANDSHAKE_TIMEOUT);
    }

    public int maxConnections() {
        return values.get(TlsUpgradeDeclarations.MAX_CONNECTIONS);
    }

    /** Connections one client address may hold, from its 101 to its close. */
    public int maxConnectionsPerClient() {
        return values.get(TlsUpgradeDeclarations.MAX_CONNECTIONS_PER_CLIENT);
    }

    public int maxRequestHeadSize() {
        return values.get(TlsUpgradeDeclarations.MAX_REQUEST_HEAD_SIZE);
    }

    /** The upgrade tokens the protocol answers to. */
    public List<ProtocolToken> tokens() {
        return values.get(TlsUpgradeDeclarations.TOKENS);
    }

    /** URL patterns whose GET, HEAD and OPTIONS may use RFC 2817's optional form; empty for none. */
    public List<String> optionalUpgrade() {
        return values.get(TlsUpgradeDeclarations.OPTIONAL_UPGRADE);
    }

    /** Whether a handshake whose ClientHello offers {@code h2} is refused. */
    public boolean refuseHttp2Offers() {
        return values.get(TlsUpgradeDeclarations.REFUSE_HTTP2_OFFERS);
    }

    /** The limits of upgraded connections, under {@value #HANDLER_PREFIX}{@code .} or shared. */
    public HandlerOptions handlerOptions() {
        return handlerOptions;
    }

    /**
     * Builds {@link TlsUpgradeOptions}; every option starts at its declared default, and a
     * setter refuses, naming the parameter, what the parameter would refuse.
     */
    public static final class Builder {
        private final Path keystore;
        private final OptionValues.Builder values;
        private HandlerOptions handlerOptions = HandlerOptions.DEFAULT;

        private Builder(Path keystore, OptionValues.Builder values) {
            this.keystore = Objects.requireNonNull(keystore, "keystore");
            this.values = values;
        }

        public Builder keystorePassword(String password) {
            values.set(TlsUpgradeDeclarations.KEYSTORE_PASSWORD, password);
            return this;
        }

        public Builder keystoreType(String type) {
            values.set(TlsUpgradeDeclarations.KEYSTORE_TYPE, type);
            return this;
        }

        /** Null for the default. */
        public Builder keyAlias(String alias) {
            return set(TlsUpgradeDeclarations.KEY_ALIAS, alias);
        }

        /** The key's own password; null for the store's. */
        public Builder keyPassword(String password) {
            return set(TlsUpgradeDeclarations.KEY_PASSWORD, password);
        }

        public Builder keystoreReloadInterval(Duration interval) {
            values.set(TlsUpgradeDeclarations.KEYSTORE_RELOAD_INTERVAL, interval);
            return this;
        }

        /** TLSv1.2 or TLSv1.3, in any case. */
        public Builder minVersion(String jsseName) {
            values.set(TlsUpgradeDeclarations.MIN_VERSION, TlsUpgradeDeclarations.MIN_VERSION.parse(MIN_VERSION, jsseName));
            return this;
        }

        public Builder cipherSuites(List<String> suites) {
            values.set(TlsUpgradeDeclarations.CIPHER_SUITES, List.copyOf(suites));
            return this;
        }

        public Builder handshakeTimeout(Duration timeout) {
            values.set(TlsUpgradeDeclarations.HANDSHAKE_TIMEOUT, timeout);
            return this;
        }

        public Builder maxConnections(int max) {
            values.set(TlsUpgradeDeclarations.MAX_CONNECTIONS, max);
            return this;
        }

        public Builder maxConnectionsPerClient(int max) {
            values.set(TlsUpgradeDeclarations.MAX_CONNECTIONS_PER_CLIENT, max);
            return this;
        }

        public Builder maxRequestHeadSize(int bytes) {
            values.set(TlsUpgradeDeclarations.MAX_REQUEST_HEAD_SIZE, bytes);
            return this;
        }

        public Builder tokens(List<ProtocolToken> tokens) {
            values.set(TlsUpgradeDeclarations.TOKENS, List.copyOf(tokens));
            return this;
        }

        /** URL patterns that may use RFC 2817's optional form (see {@link #OPTIONAL_UPGRADE}). */
        public Builder optionalUpgrade(List<String> urlPatterns) {
            values.set(TlsUpgradeDeclarations.OPTIONAL_UPGRADE, List.copyOf(urlPatterns));
            return this;
        }

        public Builder refuseHttp2Offers(boolean refuse) {
            values.set(TlsUpgradeDeclarations.REFUSE_HTTP2_OFFERS, refuse);
            return this;
        }

        public Builder handlerOptions(HandlerOptions options) {
            this.handlerOptions = Objects.requireNonNull(options);
            return this;
        }

        public TlsUpgradeOptions build() {
            return new TlsUpgradeOptions(this);
        }

        private Builder set(Option<String> option, String value) {
            if (value == null) {
                values.unset(option);
            } else {
                values.set(option, value);
            }
            return this;
        }
    }
}
