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
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The {@link Phase#NEGOTIATION} stage: acts on every request that carries an {@code Upgrade}
 * field (RFC 9110 section 7.8): checks it, asks the registered {@link UpgradeProtocol}s in the
 * client's order of preference, and switches, refuses or passes the request on. Requests
 * without the field cost one look-up in the exchange. Owns the timeout thread of the handlers
 * it switches to.
 */
final class NegotiationStage implements Stage {

    private static final Logger LOG = Logger.getLogger(NegotiationStage.class.getName());

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

    /**
     * @param options the options, or null to read them from the settings at {@link #init}
     * @param registry the protocols, or null for the context's registry
     */
    NegotiationStage(UpgradeOptions options, UpgradeRegistry registry) {
        this.options = options;
        this.registry = registry;
    }

    /** The options in force; read from {@code settings} unless given. */
    UpgradeOptions options(Settings settings) {
        if (options == null) {
            options = UpgradeOptions.from(settings);
        }
        return options;
    }

    void init(ServletContext context, Settings settings) throws ServletException {
        options(settings);
        if (registry == null) {
            registry = UpgradeRegistry.of(context);
        }
        providerProtocols = ProviderLoader.load(context, settings, options.protocols());
        if (options.jmx()) {
            registry.statistics().registerMBeans();
        }
        advertised = options.advertise().map(u -> u.toHeaderValue()).orElse(null);
        ContainerUpgrade upgrade;
        try {
            upgrade = ContainerUpgrade.of(context);
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
    public void run(Exchange exchange, Next next) throws IOException, ServletException {
        if (exchange.upgrade().present()) {
            dispatcher.dispatch(negotiator(), exchange, next);
            return;
        }
        HttpServletRequest request = exchange.request();
        if (advertised != null && HttpVersion.allowsUpgrade(request.getProtocol())) {
            exchange.response().setHeader(HttpSpec.UPGRADE, advertised);
            exchange.response().setHeader(HttpSpec.CONNECTION, HttpSpec.CONNECTION_OPTION_UPGRADE);
        }
        next.proceed();
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

    /** The protocols offered: the registry's, then those of enabled providers. */
    List<UpgradeProtocol> protocols() {
        List<UpgradeProtocol> all = new ArrayList<>(registry.protocols());
        all.addAll(providerProtocols);
        return all;
    }

    /** The registry read. */
    UpgradeRegistry registry() {
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
