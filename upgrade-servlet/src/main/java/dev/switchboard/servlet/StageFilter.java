package dev.switchboard.servlet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.NegotiationLimits;
import dev.switchboard.servlet.internal.PathPatterns;
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
 * A filter that runs {@link Stage}s in order over one {@link Exchange} per request, then the
 * rest of the chain with the exchange's request and response. {@link SwitchboardFilter} runs
 * all of an application's stages; the filters an application may declare one by one in web.xml
 * instead ({@code UpgradeFilter}, {@code TlsPolicyFilter}, {@code TunnelFilter}, ...) each run
 * their own and share the request's exchange, so the {@code Upgrade} field is still read once.
 */
public abstract class StageFilter implements Filter {

    private volatile Entry[] stages = new Entry[0];
    /** Whether every stage passes requests without {@code Upgrade} on untouched. */
    private volatile boolean upgradeOnly;
    private NegotiationLimits limits = NegotiationLimits.DEFAULT;
    private final boolean shared;

    /**
     * @param shared whether the exchange is left on the request for other Switchboard filters
     *     of the application (filters declared one by one)
     */
    protected StageFilter(boolean shared) {
        this.shared = shared;
    }

    /**
     * Creates the stages, in the order they run, and the limits under which the
     * {@code Upgrade} field is read.
     */
    protected abstract Stages createStages(FilterConfig config, Settings settings) throws ServletException;

    @Override
    public void init(FilterConfig config) throws ServletException {
        Stages created;
        try {
            created = createStages(config, Settings.of(config));
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        for (Stages.Entry e : created.entries) {
            entries.add(new Entry(e.stage(), e.phase(), e.patterns().all() ? null : e.patterns()));
        }
        limits = created.limits;
        stages = entries.toArray(new Entry[0]);
        upgradeOnly = entries.stream().allMatch(e -> e.stage.passesRequestsWithoutUpgrade());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        if (upgradeOnly && request.getHeader(HttpSpec.UPGRADE) == null) {
            chain.doFilter(request, response);
            return;
        }
        Exchange exchange = shared ? Exchange.join(request, response, limits) : new Exchange(request, response, limits);
        run(stages, 0, exchange, chain, shared);
    }

    private static void run(Entry[] stages, int index, Exchange exchange, FilterChain chain, boolean shared)
            throws IOException, ServletException {
        int i = index;
        while (i < stages.length && stages[i].patterns != null && !stages[i].patterns.matches(exchange.request())) {
            i++;
        }
        if (i == stages.length) {
            if (shared) {
                exchange.handOn();
            }
            chain.doFilter(exchange.request(), exchange.response());
            return;
        }
        int next = i + 1;
        stages[i].stage.run(exchange, () -> run(stages, next, exchange, chain, shared));
    }

    /**
     * A {@link Phase#NEGOTIATION} stage that serves only the {@link RoutedProtocol}s of the
     * context's registry, with negotiation's checks and its one switch, and passes every other
     * request on untouched: for a filter declared on its own that owns routes (the tunnel's),
     * ahead of an {@code UpgradeFilter} that serves the rest.
     *
     * @throws ServletException if the settings are invalid
     */
    protected static Stage routedNegotiation(ServletContext context, Settings settings) throws ServletException {
        NegotiationStage stage = new NegotiationStage(null, null, true);
        stage.init(context, settings);
        return stage;
    }

    /** Destroys the stages, last first. */
    @Override
    public void destroy() {
        Entry[] all = stages;
        stages = new Entry[0];
        for (int i = all.length - 1; i >= 0; i--) {
            all[i].stage.destroy();
        }
    }

    /**
     * Destroys the stages of {@code phase} early and drops them from the walk (requests after
     * pass that phase by); for a graceful shutdown that ends the tunnels before the wait.
     */
    public void stop(Phase phase) {
        List<Entry> kept = new ArrayList<>();
        List<Stage> stopping = new ArrayList<>();
        synchronized (this) {
            for (Entry e : stages) {
                if (e.phase == phase) {
                    stopping.add(e.stage);
                } else {
                    kept.add(e);
                }
            }
            stages = kept.toArray(new Entry[0]);
        }
        stopping.forEach(Stage::destroy);
    }

    /** The stages in the order they run. */
    public List<Stage> stages() {
        List<Stage> out = new ArrayList<>();
        for (Entry e : stages) {
            out.add(e.stage);
        }
        return out;
    }

    private record Entry(Stage stage, Phase phase, PathPatterns patterns) {
    }

    /** The stages a filter runs, in order, each with the URL patterns it sees. */
    protected static final class Stages {
        private final List<Entry> entries = new ArrayList<>();
        private final NegotiationLimits limits;

        /** @param limits the context's limits on the {@code Upgrade} field */
        public Stages(NegotiationLimits limits) {
            this.limits = limits;
        }

        /** Adds a stage of {@code phase} that sees every request; stages run in the order added. */
        public Stages add(Phase phase, Stage stage) {
            return add(phase, stage, List.of("/*"));
        }

        /** Adds a stage of {@code phase} that sees the requests of {@code urlPatterns}. */
        public Stages add(Phase phase, Stage stage, List<String> urlPatterns) {
            entries.add(new Entry(stage, phase, PathPatterns.of(urlPatterns)));
            return this;
        }

        private record Entry(Stage stage, Phase phase, PathPatterns patterns) {
        }
    }
}
