package dev.switchboard.servlet;

import java.util.List;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;

/**
 * Switchboard's negotiation alone, as a filter: acts on every request that carries an
 * {@code Upgrade} field (RFC 9110 section 7.8): checks it, asks the registered
 * {@link UpgradeProtocol}s in the client's order of preference, and switches, refuses or passes
 * the request on. Requests without the field cost one header look-up.
 *
 * <p>{@link SwitchboardInitializer} adds {@link SwitchboardFilter}, which runs this negotiation
 * among the other modules' stages, when the jar is present. With {@code switchboard.enabled=false},
 * declare this filter in web.xml instead: it takes the options of {@link UpgradeDeclarations} as
 * init-params (each may also be a context-param; an init-param wins): protocols to enable,
 * negotiation limits and policy, handler limits, JMX and the allowed hosts. The README's
 * configuration table, generated from those declarations, gives their defaults.
 */
public class UpgradeFilter extends StageFilter {

    private final NegotiationStage negotiation;

    /** A filter configured from init-params and the context's registry. */
    public UpgradeFilter() {
        this(null, null);
    }

    /** A filter with these options and the context's registry. */
    public UpgradeFilter(UpgradeOptions options) {
        this(options, null);
    }

    /** A filter with these options and protocols. */
    public UpgradeFilter(UpgradeOptions options, UpgradeRegistry registry) {
        super(true);
        this.negotiation = new NegotiationStage(options, registry);
    }

    @Override
    protected Stages createStages(FilterConfig config, Settings settings) throws ServletException {
        negotiation.init(config.getServletContext(), settings);
        return new Stages(negotiation.options(settings).limits()).add(Phase.NEGOTIATION, negotiation);
    }

    /** The protocols this filter offers: the registry's, then those of enabled providers. */
    public List<UpgradeProtocol> protocols() {
        return negotiation.protocols();
    }

    /** The registry this filter reads. */
    public UpgradeRegistry registry() {
        return negotiation.registry();
    }
}
