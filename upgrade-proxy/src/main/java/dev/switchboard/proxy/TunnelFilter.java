package dev.switchboard.proxy;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.proxy.internal.RelayLoop;
import dev.switchboard.proxy.internal.TunnelDispatcher;
import dev.switchboard.servlet.AllowedHosts;
import dev.switchboard.servlet.ContainerUpgrade;
import dev.switchboard.servlet.ForwardedClients;
import dev.switchboard.servlet.Settings;
import dev.switchboard.servlet.UpgradeDeclarations;
import dev.switchboard.servlet.UpgradeRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Forwards upgrade requests under configured path prefixes to a backend and, when the
 * backend answers 101, turns the client connection into a byte tunnel to it (RFC 9110
 * section 7.8, RFC 2817 section 5.3). Every other request passes down the chain untouched,
 * so an existing proxy servlet keeps serving ordinary requests.
 *
 * <p>With routes in the context params, {@code SwitchboardInitializer} adds this filter by
 * itself, ahead of {@code UpgradeFilter}. Declared in web.xml, or added with
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
public class TunnelFilter implements Filter {

    /** The servlet-context attribute under which the tunnel's {@link TunnelStatistics} are kept. */
    public static final String STATISTICS_ATTRIBUTE = TunnelStatistics.class.getName();

    /** The protocol name under which tunnels appear in {@code UpgradeStatistics} and JMX. */
    public static final String PROTOCOL_NAME = "tunnel";

    private static final Logger LOG = Logger.getLogger(TunnelFilter.class.getName());

    private TunnelOptions options;
    private TunnelStatistics statistics;
    private TunnelDispatcher dispatcher;
    private RelayLoop loop;
    private ScheduledExecutorService scheduler;
    private String contextName = "";

    /** A filter configured from init-params and context params. */
    public TunnelFilter() {
    }

    /** A filter with these options. */
    public TunnelFilter(TunnelOptions options) {
        this.options = options;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        ServletContext context = config.getServletContext();
        AllowedHosts allowedHosts;
        ForwardedClients clients;
        try {
            Settings settings = Settings.of(config);
            if (options == null) {
                options = TunnelOptions.from(settings);
            }
            allowedHosts = UpgradeDeclarations.ALLOWED_HOSTS.get(settings);
            clients = ForwardedClients.of(context);
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        contextName = context.getContextPath();
        statistics = new TunnelStatistics(contextName);
        context.setAttribute(STATISTICS_ATTRIBUTE, statistics);
        if (options.jmx()) {
            statistics.register();
        }
        ContainerUpgrade upgrade;
        try {
            upgrade = ContainerUpgrade.of(context);
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        dispatcher = new TunnelDispatcher(options, allowedHosts, clients, statistics,
                UpgradeRegistry.of(context).statistics().forProtocol(PROTOCOL_NAME), upgrade, this::loop, this::scheduler);
        LOG.log(Level.INFO, "Upgrade tunnel routes: {0}; CONNECT allowed to: {1}",
                new Object[] {options.routes(), options.connectPolicy()});
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response
                && (request.getHeader(HttpSpec.UPGRADE) != null || "CONNECT".equals(request.getMethod()))
                && dispatcher.dispatch(request, response)) {
            return;
        }
        chain.doFilter(req, res);
    }

    @Override
    public void destroy() {
        synchronized (this) {
            if (loop != null) {
                loop.close();
                loop = null;
            }
            if (scheduler != null) {
                scheduler.shutdownNow();
                try {
                    // Its thread must be gone before the application is: it runs the exchanges' deadlines.
                    scheduler.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                scheduler = null;
            }
        }
        if (statistics != null) {
            statistics.unregister();
        }
    }

    /** The options in force. */
    public TunnelOptions options() {
        return options;
    }

    /** The tunnel's counters; the same numbers as JMX. */
    public TunnelStatistics statistics() {
        return statistics;
    }

    private synchronized RelayLoop loop() {
        if (loop == null) {
            loop = new RelayLoop("switchboard-tunnel-relay " + contextName);
        }
        return loop;
    }

    private synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "switchboard-tunnel-timeouts " + contextName);
                t.setDaemon(true);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
            scheduler = executor;
        }
        return scheduler;
    }
}
