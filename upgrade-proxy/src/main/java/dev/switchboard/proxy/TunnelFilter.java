package dev.switchboard.proxy;

import dev.switchboard.proxy.internal.TunnelStage;
import dev.switchboard.servlet.ContainerUpgrade;
import dev.switchboard.servlet.ForwardedClients;
import dev.switchboard.servlet.Phase;
import dev.switchboard.servlet.Settings;
import dev.switchboard.servlet.StageFilter;
import dev.switchboard.servlet.SwitchboardRuntime;
import dev.switchboard.servlet.UpgradeDeclarations;
import dev.switchboard.servlet.UpgradeRegistry;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/**
 * Forwards upgrade requests under configured path prefixes to a backend and, when the
 * backend answers 101, turns the client connection into a byte tunnel to it (RFC 9110
 * section 7.8, RFC 2817 section 5.3). Every other request passes down the chain untouched,
 * so an existing proxy servlet keeps serving ordinary requests.
 *
 * <p>The upgrade routes are a routed protocol of negotiation: an upgrade request on a route
 * passes every check negotiation makes (the {@code Upgrade} field under the context's limits,
 * allowed hosts, HTTP/1.1, {@code Connection: upgrade}), then the tunnel asks the backend, and
 * negotiation's one switch writes the backend's 101, or the backend's other answer is relayed.
 * CONNECT, which is not an upgrade, is a stage of its own in the {@code TUNNEL_ROUTES} phase.
 * With routes or CONNECT targets in the context params, {@code SwitchboardFilter} runs both
 * ({@link TunnelStageContribution}). Declared in web.xml (ahead of {@code UpgradeFilter}), it
 * runs the CONNECT stage and a negotiation stage that serves only its routes and passes every
 * other request on untouched; added with
 * {@link #TunnelFilter(TunnelOptions)}, it takes these init-params (each may also be a
 * context-param; the module README gives defaults and meaning):
 * <ul>
 *   <li>{@code switchboard.proxy.routes}: {@code /prefix/ -> http://host:port/path/}, comma or line separated</li>
 *   <li>{@code switchboard.proxy.origins}: {@code /prefix/ -> origin ...}, the origins that may open a WebSocket
 *       through a route (default: the request's own)</li>
 *   <li>{@code switchboard.proxy.connect}: {@code host:port} pairs that CONNECT may reach</li>
 *   <li>{@code switchboard.proxy.connectTimeout}, {@code switchboard.proxy.responseTimeout},
 *       {@code switchboard.proxy.idleTimeout}</li>
 *   <li>{@code switchboard.proxy.maxTunnels}, {@code switchboard.proxy.maxResponseHeadSize},
 *       {@code switchboard.proxy.readBufferSize}, {@code switchboard.proxy.maxPendingOutput},
 *       {@code switchboard.maxContentLength}</li>
 *   <li>{@code switchboard.proxy.forwarding}, {@code switchboard.proxy.via},
 *       {@code switchboard.proxy.preserveHost}</li>
 *   <li>{@code switchboard.proxy.trustStore}, {@code switchboard.proxy.trustStorePassword},
 *       {@code switchboard.proxy.trustStoreType}</li>
 *   <li>{@code switchboard.jmx}</li>
 * </ul>
 */
public class TunnelFilter extends StageFilter {

    /** The servlet-context attribute under which the tunnel's {@link TunnelStatistics} are kept. */
    public static final String STATISTICS_ATTRIBUTE = TunnelStatistics.class.getName();

    /** The protocol name under which tunnels appear in {@code UpgradeStatistics} and JMX. */
    public static final String PROTOCOL_NAME = "tunnel";

    private TunnelOptions options;
    private TunnelStage stage;

    /** A filter configured from init-params and context params. */
    public TunnelFilter() {
        this(null);
    }

    /** A filter with these options. */
    public TunnelFilter(TunnelOptions options) {
        super(true);
        this.options = options;
    }

    @Override
    protected Stages createStages(FilterConfig config, Settings settings) throws ServletException {
        if (options == null) {
            options = TunnelOptions.from(settings);
        }
        ServletContext context = config.getServletContext();
        stage = stage(context, settings, options);
        try {
            return new Stages(UpgradeDeclarations.limits(settings)).add(Phase.TUNNEL_ROUTES, stage)
                    .add(Phase.NEGOTIATION, routedNegotiation(context, settings));
        } catch (ServletException | RuntimeException e) {
            stage.destroy();
            throw e;
        }
    }

    /**
     * The tunnel stage of an application (CONNECT), its upgrade routes added to the context's
     * registry and its statistics published in the context.
     *
     * @throws IllegalArgumentException naming the parameter, if a value is invalid
     */
    static TunnelStage stage(ServletContext context, Settings settings, TunnelOptions options) {
        String contextName = context.getContextPath();
        TunnelStatistics statistics = new TunnelStatistics(contextName);
        context.setAttribute(STATISTICS_ATTRIBUTE, statistics);
        if (options.jmx()) {
            statistics.register();
        }
        UpgradeRegistry registry = UpgradeRegistry.of(context);
        return new TunnelStage(SwitchboardRuntime.of(context), options, ForwardedClients.of(context), statistics,
                registry, registry.statistics().forProtocol(PROTOCOL_NAME), ContainerUpgrade.of(context),
                statistics::unregister);
    }

    /** The options in force. */
    public TunnelOptions options() {
        return options;
    }

    /** The tunnel's counters; the same numbers as JMX. */
    public TunnelStatistics statistics() {
        return stage == null ? null : stage.statistics();
    }
}
