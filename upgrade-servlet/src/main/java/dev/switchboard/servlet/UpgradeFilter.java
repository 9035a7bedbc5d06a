package dev.switchboard.servlet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpVersion;
import dev.switchboard.http.UpgradeNegotiator;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Acts on every request that carries an {@code Upgrade} field (RFC 9110 section 7.8): checks
 * it, asks the registered {@link UpgradeProtocol}s in the client's order of preference, and
 * switches, refuses or passes the request on. Requests without the field cost one header
 * look-up.
 *
 * <p>{@link SwitchboardInitializer} adds this filter for {@code /*} when the jar is present.
 * Declared in web.xml instead, it takes the options of {@link UpgradeDeclarations} as
 * init-params (each may also be a context-param; an init-param wins): protocols to enable,
 * negotiation limits and policy, handler limits, JMX and the allowed hosts. The README's
 * configuration table, generated from those declarations, gives their defaults.
 */
public class UpgradeFilter implements Filter {

    private static final Logger LOG = Logger.getLogger(UpgradeFilter.class.getName());

    /** How long {@link #destroy()} waits for the timeout thread to end. */
    private static final long SCHEDULER_STOP_SECONDS = 5;

    private UpgradeOptions options;
    private UpgradeRegistry registry;
    private List<UpgradeProtocol> providerProtocols = List.of();
    private UpgradeDispatcher dispatcher;
    private String advertised;
    private volatile Snapshot snapshot = new Snapshot(-1, null);
    private ScheduledExecutorService scheduler;
    private final List<Thread> timeoutThreads = new CopyOnWriteArrayList<>();

    /** A filter configured from init-params and the context's registry. */
    public UpgradeFilter() {
    }

    /** A filter with these options and the context's registry. */
    public UpgradeFilter(UpgradeOptions options) {
        this.options = options;
    }

    /** A filter with these options and protocols. */
    public UpgradeFilter(UpgradeOptions options, UpgradeRegistry registry) {
        this.options = options;
        this.registry = registry;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        Settings settings = Settings.of(config);
        try {
            if (options == null) {
                options = UpgradeOptions.from(settings);
            }
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        if (registry == null) {
            registry = UpgradeRegistry.of(config.getServletContext());
        }
        providerProtocols = ProviderLoader.load(config.getServletContext(), settings, options.protocols());
        if (options.jmx()) {
            registry.statistics().registerMBeans();
        }
        advertised = options.advertise().map(u -> u.toHeaderValue()).orElse(null);
        ContainerUpgrade upgrade;
        try {
            upgrade = ContainerUpgrade.of(config.getServletContext());
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        dispatcher = new UpgradeDispatcher(registry.statistics(),
                new Switcher(upgrade, options.maxContentLength(), options.handlerOptions(), this::scheduler),
                options.advertise().orElse(null), options.allowedHosts());
        LOG.log(Level.FINE, "Switching through {0}", upgrade);
        LOG.log(Level.FINE, "Upgrade protocols: {0}", protocols());
        LOG.log(Level.FINE, "Upgrade requests served for hosts: {0}", options.allowedHosts());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response) {
            if (request.getHeader(HttpSpec.UPGRADE) != null) {
                dispatcher.dispatch(negotiator(), request, response, chain);
                return;
            }
            if (advertised != null && HttpVersion.allowsUpgrade(request.getProtocol())) {
                response.setHeader(HttpSpec.UPGRADE, advertised);
                response.setHeader(HttpSpec.CONNECTION, HttpSpec.CONNECTION_OPTION_UPGRADE);
            }
        }
        chain.doFilter(req, res);
    }

    /**
     * Stops the timeout thread and waits (a few seconds at most) until it has ended, so that
     * no thread started by this application outlives it, and unregisters the MBeans.
     */
    @Override
    public void destroy() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = scheduler;
            scheduler = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
            awaitTimeoutThreads(stopping);
        }
        if (registry != null && options != null && options.jmx()) {
            registry.statistics().unregisterMBeans();
        }
    }

    /** The protocols this filter offers: the registry's, then those of enabled providers. */
    public List<UpgradeProtocol> protocols() {
        List<UpgradeProtocol> all = new ArrayList<>(registry.protocols());
        all.addAll(providerProtocols);
        return all;
    }

    /** The registry this filter reads. */
    public UpgradeRegistry registry() {
        return registry;
    }

    private UpgradeNegotiator<UpgradeProtocol> negotiator() {
        Snapshot s = snapshot;
        long version = registry.version();
        if (s.version != version) {
            s = new Snapshot(version, new UpgradeNegotiator<>(protocols(), options.selectionPolicy(),
                    options.limits(), options.invalidFieldPolicy()));
            snapshot = s;
        }
        return s.negotiator;
    }

    /**
     * Waits until the executor has terminated and its threads have ended: a terminated
     * executor's last thread is still alive for a moment, long enough for a container that
     * looks for leftover threads right after {@link #destroy()} to report a leak.
     */
    private void awaitTimeoutThreads(ScheduledExecutorService stopping) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SCHEDULER_STOP_SECONDS);
        try {
            boolean stopped = stopping.awaitTermination(SCHEDULER_STOP_SECONDS, TimeUnit.SECONDS);
            for (Thread t : timeoutThreads) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left > 0) {
                    t.join(left);
                }
                stopped &= !t.isAlive();
            }
            if (!stopped) {
                LOG.warning("The switchboard-timeouts thread did not stop within " + SCHEDULER_STOP_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "switchboard-timeouts");
                t.setDaemon(true);
                timeoutThreads.add(t);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
            scheduler = executor;
        }
        return scheduler;
    }

    private record Snapshot(long version, UpgradeNegotiator<UpgradeProtocol> negotiator) {
    }
}
