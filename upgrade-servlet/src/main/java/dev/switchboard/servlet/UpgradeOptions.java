package dev.switchboard.servlet;

import static dev.switchboard.servlet.UpgradeDeclarations.GROUP;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.switchboard.http.NegotiationLimits;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.SelectionPolicy;
import dev.switchboard.http.Upgrade;
import dev.switchboard.http.UpgradeNegotiator.InvalidFieldPolicy;
import dev.switchboard.options.OptionValues;

/**
 * The settings of one {@link UpgradeFilter}. Immutable; build with {@link #builder()} or read
 * from init-params with {@link #from(Settings)}. Each option, with its default, range and
 * meaning, is declared once in {@link UpgradeDeclarations}, which both read; the README's
 * configuration table is generated from there.
 */
public final class UpgradeOptions {

    /** Context param: whether {@link SwitchboardInitializer} adds the filter. */
    public static final String ENABLED = "switchboard.enabled";
    public static final String URL_PATTERNS = "switchboard.urlPatterns";
    public static final String PROTOCOLS = "switchboard.protocols";
    public static final String INVALID_UPGRADE = "switchboard.invalidUpgrade";
    public static final String SERVER_PREFERENCE = "switchboard.serverPreference";
    public static final String ADVERTISE = "switchboard.advertise";
    public static final String MAX_UPGRADE_FIELD_LENGTH = "switchboard.maxUpgradeFieldLength";
    public static final String MAX_UPGRADE_PROTOCOLS = "switchboard.maxUpgradeProtocols";
    public static final String MAX_CONTENT_LENGTH = "switchboard.maxContentLength";
    public static final String JMX = "switchboard.jmx";
    /** Context param: the transport of upgraded connections (see {@link TransportChoice}). */
    public static final String TRANSPORT = "switchboard.transport";
    /** Context param: whether a container transport may serve connections on an event loop of Switchboard's own. */
    public static final String OWN_LOOP = "switchboard.ownLoop";
    /** Context param: how many event-loop threads of Switchboard's own serve an application's connections. */
    public static final String LOOP_THREADS = "switchboard.loopThreads";
    /** Hosts whose upgrade requests are served (see {@link AllowedHosts}). */
    public static final String ALLOWED_HOSTS = "switchboard.allowedHosts";
    /** The proxies whose forwarding fields are believed (see {@link ForwardedClients}). */
    public static final String TRUSTED_PROXIES = "switchboard.trustedProxies";

    /** Context param: which family of forwarding fields the trusted proxies set. */
    public static final String TRUSTED_PROXY_FIELDS = "switchboard.trustedProxyFields";

    private final OptionValues values;
    private final SelectionPolicy selectionPolicy;
    private final HandlerOptions handlerOptions;

    private UpgradeOptions(Builder b) {
        this.values = b.values.build();
        List<ProtocolToken> preferred = values.get(UpgradeDeclarations.SERVER_PREFERENCE);
        this.selectionPolicy = b.selectionPolicy != null ? b.selectionPolicy
                : preferred.isEmpty() ? SelectionPolicy.CLIENT_PREFERENCE : SelectionPolicy.serverPreference(preferred);
        this.handlerOptions = b.handlerOptions;
    }

    public static Builder builder() {
        return new Builder(OptionValues.builder());
    }

    /** The defaults: client preference, reject malformed fields, no advertisement, JMX on. */
    public static UpgradeOptions defaults() {
        return builder().build();
    }

    /**
     * Reads every option from {@code settings}.
     *
     * @throws IllegalArgumentException naming the parameter, if a value is invalid
     */
    public static UpgradeOptions from(Settings settings) {
        return new Builder(GROUP.read(settings).toBuilder()).handlerOptions(HandlerOptions.from(settings, null)).build();
    }

    /** Provider names to enable, or empty to enable those that are enabled by default. */
    public Optional<List<String>> protocols() {
        return Optional.ofNullable(values.get(UpgradeDeclarations.PROTOCOLS));
    }

    public InvalidFieldPolicy invalidFieldPolicy() {
        return values.get(UpgradeDeclarations.INVALID_UPGRADE);
    }

    public SelectionPolicy selectionPolicy() {
        return selectionPolicy;
    }

    /** What to advertise on responses that do not switch, if anything (RFC 9110 section 7.8). */
    public Optional<Upgrade> advertise() {
        List<ProtocolToken> tokens = values.get(UpgradeDeclarations.ADVERTISE);
        return tokens.isEmpty() ? Optional.empty() : Optional.of(Upgrade.of(tokens));
    }

    public NegotiationLimits limits() {
        return new NegotiationLimits(values.get(UpgradeDeclarations.MAX_UPGRADE_FIELD_LENGTH),
                values.get(UpgradeDeclarations.MAX_UPGRADE_PROTOCOLS));
    }

    public int maxContentLength() {
        return values.get(UpgradeDeclarations.MAX_CONTENT_LENGTH);
    }

    public boolean jmx() {
        return values.get(UpgradeDeclarations.JMX);
    }

    /** Defaults for the handlers of protocols that do not set their own. */
    public HandlerOptions handlerOptions() {
        return handlerOptions;
    }

    /** The hosts whose upgrade requests are served; {@link AllowedHosts#ANY} by default. */
    public AllowedHosts allowedHosts() {
        return values.get(UpgradeDeclarations.ALLOWED_HOSTS);
    }

    /**
     * Builds {@link UpgradeOptions}; every option starts at its declared default, and a setter
     * refuses, naming the parameter, what the parameter would refuse.
     */
    public static final class Builder {
        private final OptionValues.Builder values;
        private SelectionPolicy selectionPolicy;
        private HandlerOptions handlerOptions = HandlerOptions.DEFAULT;

        private Builder(OptionValues.Builder values) {
            this.values = values;
        }

        public Builder protocols(List<String> providerNames) {
            values.set(UpgradeDeclarations.PROTOCOLS, List.copyOf(providerNames));
            return this;
        }

        public Builder invalidFieldPolicy(InvalidFieldPolicy policy) {
            values.set(UpgradeDeclarations.INVALID_UPGRADE, policy);
            return this;
        }

        /** Any policy; {@value UpgradeOptions#SERVER_PREFERENCE} gives {@link SelectionPolicy#serverPreference}. */
        public Builder selectionPolicy(SelectionPolicy policy) {
            this.selectionPolicy = Objects.requireNonNull(policy);
            return this;
        }

        /** What to advertise on responses that do not switch; null for nothing. */
        public Builder advertise(Upgrade advertised) {
            values.set(UpgradeDeclarations.ADVERTISE, advertised == null ? List.of() : advertised.protocols());
            return this;
        }

        public Builder limits(NegotiationLimits limits) {
            values.set(UpgradeDeclarations.MAX_UPGRADE_FIELD_LENGTH, limits.maxFieldLength());
            values.set(UpgradeDeclarations.MAX_UPGRADE_PROTOCOLS, limits.maxProtocols());
            return this;
        }

        public Builder maxContentLength(int bytes) {
            values.set(UpgradeDeclarations.MAX_CONTENT_LENGTH, bytes);
            return this;
        }

        public Builder jmx(boolean enabled) {
            values.set(UpgradeDeclarations.JMX, enabled);
            return this;
        }

        public Builder handlerOptions(HandlerOptions options) {
            this.handlerOptions = Objects.requireNonNull(options);
            return this;
        }

        public Builder allowedHosts(AllowedHosts hosts) {
            values.set(UpgradeDeclarations.ALLOWED_HOSTS, hosts);
            return this;
        }

        public UpgradeOptions build() {
            return new UpgradeOptions(this);
        }
    }
}
