package dev.switchboard.servlet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.NegotiationLimits;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.SelectionPolicy;
import dev.switchboard.http.Upgrade;
import dev.switchboard.http.UpgradeNegotiator.InvalidFieldPolicy;

/**
 * The settings of one {@link UpgradeFilter}. Immutable; build with {@link #builder()} or read
 * from init-params with {@link #from(Settings)}. Every option is listed, with its default, in
 * the configuration table of the README.
 */
public final class UpgradeOptions {

    /** Context param: whether {@link SwitchboardInitializer} adds the filter (default true). */
    public static final String ENABLED = "switchboard.enabled";
    /** URL patterns the auto-registered filter is mapped to (default {@code /*}). */
    public static final String URL_PATTERNS = "switchboard.urlPatterns";
    /** Names of the {@link UpgradeProtocolProvider}s to enable; default: those enabled by default. */
    public static final String PROTOCOLS = "switchboard.protocols";
    /** {@code reject} (400, the default) or {@code ignore} a malformed {@code Upgrade} field. */
    public static final String INVALID_UPGRADE = "switchboard.invalidUpgrade";
    /** Tokens in the server's order of preference; empty (the default) follows the client's. */
    public static final String SERVER_PREFERENCE = "switchboard.serverPreference";
    /** Protocols advertised in {@code Upgrade} on responses that do not switch; default none. */
    public static final String ADVERTISE = "switchboard.advertise";
    /** Combined length of the {@code Upgrade} field lines, in characters (default 1024). */
    public static final String MAX_UPGRADE_FIELD_LENGTH = "switchboard.maxUpgradeFieldLength";
    /** Protocols one request may offer (default 16). */
    public static final String MAX_UPGRADE_PROTOCOLS = "switchboard.maxUpgradeProtocols";
    /** Content an upgrade request may carry, read whole before the switch (default 64KiB). */
    public static final String MAX_CONTENT_LENGTH = "switchboard.maxContentLength";
    /** Whether counters are registered as JMX MBeans (default true). */
    public static final String JMX = "switchboard.jmx";
    /** Hosts whose upgrade requests are served; default: any (see {@link AllowedHosts}). */
    public static final String ALLOWED_HOSTS = "switchboard.allowedHosts";

    private final List<String> protocols;
    private final InvalidFieldPolicy invalidFieldPolicy;
    private final SelectionPolicy selectionPolicy;
    private final Upgrade advertise;
    private final NegotiationLimits limits;
    private final int maxContentLength;
    private final boolean jmx;
    private final HandlerOptions handlerOptions;
    private final AllowedHosts allowedHosts;

    private UpgradeOptions(Builder b) {
        this.protocols = b.protocols == null ? null : List.copyOf(b.protocols);
        this.invalidFieldPolicy = b.invalidFieldPolicy;
        this.selectionPolicy = b.selectionPolicy;
        this.advertise = b.advertise;
        this.limits = b.limits;
        this.maxContentLength = b.maxContentLength;
        this.jmx = b.jmx;
        this.handlerOptions = b.handlerOptions;
        this.allowedHosts = b.allowedHosts;
    }

    public static Builder builder() {
        return new Builder();
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
        Builder b = builder();
        List<String> names = settings.getList(PROTOCOLS);
        if (!names.isEmpty()) {
            b.protocols(names);
        }
        b.invalidFieldPolicy(settings.getEnum(INVALID_UPGRADE, InvalidFieldPolicy.class, InvalidFieldPolicy.REJECT));
        List<String> preference = settings.getList(SERVER_PREFERENCE);
        if (!preference.isEmpty()) {
            b.selectionPolicy(SelectionPolicy.serverPreference(tokens(SERVER_PREFERENCE, preference)));
        }
        List<String> advertised = settings.getList(ADVERTISE);
        if (!advertised.isEmpty()) {
            b.advertise(Upgrade.of(tokens(ADVERTISE, advertised)));
        }
        b.limits(new NegotiationLimits(
                settings.getInt(MAX_UPGRADE_FIELD_LENGTH, NegotiationLimits.DEFAULT.maxFieldLength(), 16, 65536),
                settings.getInt(MAX_UPGRADE_PROTOCOLS, NegotiationLimits.DEFAULT.maxProtocols(), 1, 256)));
        b.maxContentLength(settings.getSize(MAX_CONTENT_LENGTH, 64 * 1024, 0, 64 * 1024 * 1024));
        b.jmx(settings.getBoolean(JMX, true));
        b.handlerOptions(HandlerOptions.from(settings, null));
        b.allowedHosts(allowedHosts(settings));
        return b.build();
    }

    private static List<ProtocolToken> tokens(String param, List<String> items) {
        List<ProtocolToken> out = new ArrayList<>();
        for (String item : items) {
            try {
                out.add(ProtocolToken.parse(item));
            } catch (FieldSyntaxException e) {
                throw Settings.invalid(param, "protocol tokens such as echo/1", item);
            }
        }
        return out;
    }

    /**
     * Reads {@value #ALLOWED_HOSTS}: a context-level option that every Switchboard filter reads
     * the same way.
     *
     * @throws IllegalArgumentException naming the parameter, if an entry is not a host
     */
    public static AllowedHosts allowedHosts(Settings settings) {
        List<String> entries = settings.getList(ALLOWED_HOSTS);
        try {
            return AllowedHosts.of(entries);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ALLOWED_HOSTS + ": " + e.getMessage(), e);
        }
    }

    /** Provider names to enable, or empty to enable those that are enabled by default. */
    public Optional<List<String>> protocols() {
        return Optional.ofNullable(protocols);
    }

    public InvalidFieldPolicy invalidFieldPolicy() {
        return invalidFieldPolicy;
    }

    public SelectionPolicy selectionPolicy() {
        return selectionPolicy;
    }

    /** What to advertise on responses that do not switch, if anything (RFC 9110 section 7.8). */
    public Optional<Upgrade> advertise() {
        return Optional.ofNullable(advertise);
    }

    public NegotiationLimits limits() {
        return limits;
    }

    public int maxContentLength() {
        return maxContentLength;
    }

    public boolean jmx() {
        return jmx;
    }

    /** Defaults for the handlers of protocols that do not set their own. */
    public HandlerOptions handlerOptions() {
        return handlerOptions;
    }

    /** The hosts whose upgrade requests are served; {@link AllowedHosts#ANY} by default. */
    public AllowedHosts allowedHosts() {
        return allowedHosts;
    }

    /** Builds {@link UpgradeOptions}; every setter has the default named in the README. */
    public static final class Builder {
        private List<String> protocols;
        private InvalidFieldPolicy invalidFieldPolicy = InvalidFieldPolicy.REJECT;
        private SelectionPolicy selectionPolicy = SelectionPolicy.CLIENT_PREFERENCE;
        private Upgrade advertise;
        private NegotiationLimits limits = NegotiationLimits.DEFAULT;
        private int maxContentLength = 64 * 1024;
        private boolean jmx = true;
        private HandlerOptions handlerOptions = HandlerOptions.DEFAULT;
        private AllowedHosts allowedHosts = AllowedHosts.ANY;

        private Builder() {
        }

        public Builder protocols(List<String> providerNames) {
            this.protocols = List.copyOf(providerNames);
            return this;
        }

        public Builder invalidFieldPolicy(InvalidFieldPolicy policy) {
            this.invalidFieldPolicy = Objects.requireNonNull(policy);
            return this;
        }

        public Builder selectionPolicy(SelectionPolicy policy) {
            this.selectionPolicy = Objects.requireNonNull(policy);
            return this;
        }

        public Builder advertise(Upgrade advertised) {
            this.advertise = advertised;
            return this;
        }

        public Builder limits(NegotiationLimits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        public Builder maxContentLength(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("expected maxContentLength >= 0 but was " + bytes);
            }
            this.maxContentLength = bytes;
            return this;
        }

        public Builder jmx(boolean enabled) {
            this.jmx = enabled;
            return this;
        }

        public Builder handlerOptions(HandlerOptions options) {
            this.handlerOptions = Objects.requireNonNull(options);
            return this;
        }

        public Builder allowedHosts(AllowedHosts hosts) {
            this.allowedHosts = Objects.requireNonNull(hosts);
            return this;
        }

        public UpgradeOptions build() {
            return new UpgradeOptions(this);
        }
    }
}
