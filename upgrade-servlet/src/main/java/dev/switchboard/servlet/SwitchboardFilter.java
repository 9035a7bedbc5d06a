package dev.switchboard.servlet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/**
 * Switchboard's front door: the one filter of an application, which runs every
 * {@link Stage} in {@link Phase} order over one {@link Exchange} per request:
 * <pre>
 * TRANSPORT           how the request arrived                  (upgrade-tls-filter, when configured)
 * TLS_POLICY          426 / redirect / narrow to TLS offers    (upgrade-tls-filter, when configured)
 * TUNNEL_ROUTES       upgrade requests on routes, CONNECT      (upgrade-proxy, when routes are set)
 * NEGOTIATION         negotiate and dispatch (this module)     switchboard.urlPatterns
 * POST_DISPATCH_GUARD 426 for a TLS upgrade that did not happen (upgrade-tls-filter)
 * then the rest of the filter chain
 * </pre>
 * The stages come from the {@link StageContribution}s that the application's Switchboard jars
 * declare and that are enabled in it. The {@code Upgrade} field is read once per request,
 * under {@code switchboard.maxUpgradeFieldLength} and {@code switchboard.maxUpgradeProtocols},
 * and every stage acts on that one value.
 *
 * <p>{@link SwitchboardInitializer} adds it as {@value SwitchboardInitializer#FILTER_NAME}.
 * Declared in web.xml (with {@code switchboard.enabled=false}), it takes the same options as
 * init-params or context params, and is best mapped to {@code /*}: the negotiation stages then
 * see the requests of {@code switchboard.urlPatterns} only.
 */
public class SwitchboardFilter extends StageFilter {

    private static final Logger LOG = Logger.getLogger(SwitchboardFilter.class.getName());

    private final List<StageContribution> contributions;

    /** A filter that finds the enabled contributions when it starts. */
    public SwitchboardFilter() {
        this(null);
    }

    /** A filter running these contributions (already found enabled) with negotiation. */
    SwitchboardFilter(List<StageContribution> contributions) {
        super(false);
        this.contributions = contributions == null ? null : List.copyOf(contributions);
    }

    /** The contributions of the application's Switchboard jars that it needs, in phase order. */
    static List<StageContribution> enabled(ServletContext context, Settings settings) {
        List<StageContribution> out = new ArrayList<>();
        for (StageContribution c : Services.load(StageContribution.class, context.getClassLoader())) {
            if (c.phase() == Phase.NEGOTIATION) {
                LOG.warning("Ignoring " + c.getClass().getName() + ": the negotiation phase is Switchboard's own");
            } else if (c.enabled(context, settings)) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparing(StageContribution::phase));
        return out;
    }

    @Override
    protected Stages createStages(FilterConfig config, Settings settings) throws ServletException {
        ServletContext context = config.getServletContext();
        List<StageContribution> found = contributions != null ? contributions : enabled(context, settings);
        NegotiationStage negotiation = new NegotiationStage(null, null);
        Stages stages = new Stages(negotiation.options(settings).limits());
        boolean negotiationAdded = false;
        List<Stage> created = new ArrayList<>();
        try {
            for (StageContribution c : found) {
                if (!negotiationAdded && c.phase().compareTo(Phase.NEGOTIATION) > 0) {
                    addNegotiation(stages, negotiation, context, settings);
                    negotiationAdded = true;
                }
                Stage stage = c.create(context, settings);
                created.add(stage);
                stages.add(c.phase(), stage, c.urlPatterns(settings));
            }
            if (!negotiationAdded) {
                addNegotiation(stages, negotiation, context, settings);
            }
        } catch (ServletException | RuntimeException e) {
            created.forEach(Stage::destroy);
            negotiation.destroy();
            throw e;
        }
        LOG.log(Level.FINE, "Switchboard stages: {0}", found);
        return stages;
    }

    private static void addNegotiation(Stages stages, NegotiationStage negotiation, ServletContext context,
            Settings settings) throws ServletException {
        negotiation.init(context, settings);
        // Every request: the routed protocols (the tunnel's routes) answer on paths of their own.
        negotiation.scope(UpgradeDeclarations.URL_PATTERNS.get(settings));
        stages.add(Phase.NEGOTIATION, negotiation);
    }
}
