package dev.switchboard.servlet;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import java.util.logging.Logger;

import dev.switchboard.servlet.container.AdapterTransport;
import dev.switchboard.servlet.container.ContainerSupport;
import dev.switchboard.servlet.container.TransportCarrier;
import dev.switchboard.servlet.internal.engine.Engine;
import dev.switchboard.servlet.internal.engine.SessionSetup;
import dev.switchboard.servlet.internal.transport.Handover;
import dev.switchboard.servlet.internal.transport.SessionUpgradeHandler;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpUpgradeHandler;

/**
 * How a connection is handed to an {@link HttpUpgradeHandler}: through
 * {@link HttpServletRequest#upgrade(Class)}, or through a container adapter where the
 * container's own implementation cannot be used.
 *
 * <p><b>The adapter contract.</b> A container adapter installs itself by setting the servlet
 * context attribute {@value #ATTRIBUTE} (before filters are initialised, for example from a
 * {@code ServletContainerInitializer}) to a
 * {@code java.util.function.BiFunction<HttpServletRequest, Class<? extends HttpUpgradeHandler>, HttpUpgradeHandler>}.
 * Only JDK and Jakarta types cross this boundary, so the adapter may live outside the web
 * application (on the container's classpath, where it can see container classes). Given the
 * request being served and a handler class, the function must:
 * <ol>
 *   <li>create the handler as {@code upgrade(Class)} does (public no-argument constructor,
 *       container injection where it has any) and return it;</li>
 *   <li>leave the response alone: the caller sets the status ({@code 101}, or {@code 200} for a
 *       {@code CONNECT} tunnel) and the fields;</li>
 *   <li>once the response is written and the request is complete, give the connection to the
 *       handler: {@code init(WebConnection)} on a container thread, with the bytes the client
 *       sent after the request (whether they arrived with it or later) as the handler's input,
 *       and {@code destroy()} exactly once when the connection closes;</li>
 *   <li>throw {@link IllegalStateException} when the request cannot be switched (response
 *       committed, not HTTP/1.1).</li>
 * </ol>
 *
 * <p><b>A transport of the adapter's own.</b> An adapter that can carry a switched connection
 * itself, faster than through Servlet streams, names that transport in the context attribute
 * {@value #TRANSPORT_ATTRIBUTE} (a {@code String} such as {@code "jetty"}). Where the
 * context's {@code switchboard.transport} allows it ({@link TransportChoice}), Switchboard
 * sets the request attribute of the same name to that name before it asks for one of its own
 * handlers; the adapter then gives that handler, in {@code init}, a {@code WebConnection}
 * offering the transport in the JDK-typed form {@link AdapterTransport} describes, or a plain
 * one where it cannot serve this connection that way.
 *
 * <p>Switchboard's Jetty adapter ({@code upgrade-jetty}) is one: Jetty 12.1's
 * {@code upgrade()} gives the handler an input that is already at end of stream when the client
 * waits for the 101 before sending (see {@code docs/jetty-upgrade-eof.md}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ContainerUpgrade {

    /** The servlet context attribute under which a container adapter installs itself. */
    public static final String ATTRIBUTE = "dev.switchboard.servlet.ContainerUpgrade";

    private static final Logger LOG = Logger.getLogger(ContainerUpgrade.class.getName());

    /**
     * The context attribute in which an adapter names a transport of its own, and the request
     * attribute in which Switchboard asks for it (see the class comment).
     */
    public static final String TRANSPORT_ATTRIBUTE = ATTRIBUTE + ".transport";

    /** Marks a context whose transport has been reported. */
    private static final String TRANSPORT_LOGGED_ATTRIBUTE = TRANSPORT_ATTRIBUTE + ".logged";

    /** Marks a context whose missing adapter has been reported. */
    private static final String WARNED_ATTRIBUTE = ATTRIBUTE + ".warned";

    private final BiFunction<HttpServletRequest, Class<? extends HttpUpgradeHandler>, HttpUpgradeHandler> adapter;
    private final String name;
    private final ContainerSupport support;
    /** The adapter's own transport, to ask for at each switch; null when there is none or it is not wanted. */
    private final String adapterTransport;
    /** Where a carrier may run connections on a loop of Switchboard's own; null where it may not. */
    private final SwitchboardRuntime loops;

    private ContainerUpgrade(BiFunction<HttpServletRequest, Class<? extends HttpUpgradeHandler>, HttpUpgradeHandler> adapter,
            String name, ContainerSupport support, String adapterTransport, SwitchboardRuntime loops) {
        this.adapter = adapter;
        this.name = name;
        this.support = support;
        this.adapterTransport = adapterTransport;
        this.loops = loops;
    }

    /**
     * The way to switch in {@code context}: its adapter if one is installed, else the
     * container's {@code upgrade()} (with a warning on containers known to need an adapter);
     * and the {@link ContainerSupport} of its container, for the connections it switches. Under
     * {@code switchboard.ownLoop} (the default) a carrier may serve them on an event loop of the
     * context's {@link SwitchboardRuntime}, which the stages that switch retain.
     *
     * @throws IllegalArgumentException if the attribute holds something other than a {@code BiFunction}
     */
    public static ContainerUpgrade of(ServletContext context) {
        Settings settings = Settings.of(context);
        TransportChoice choice = UpgradeDeclarations.TRANSPORT.get(settings);
        UpgradeDeclarations.LOOP_THREADS.get(settings); // read when the loops start; a bad value fails the deployment now
        Object attribute = context.getAttribute(ATTRIBUTE);
        if (attribute == null) {
            warnIfAdapterNeeded(context);
            ContainerSupport support = Transports.chosen(ContainerSupport.of(context), choice);
            boolean ownLoop = UpgradeDeclarations.OWN_LOOP.get(settings) && support.loopTransportName() != null;
            String own = ownLoop ? support.loopTransportName() + " or " + support.transportName()
                    : support.transportName();
            Transports.report(context, choice, own, support.name(), TRANSPORT_LOGGED_ATTRIBUTE);
            return new ContainerUpgrade(null, "HttpServletRequest.upgrade", support, null,
                    ownLoop ? SwitchboardRuntime.of(context) : null);
        }
        if (!(attribute instanceof BiFunction<?, ?, ?> function)) {
            throw new IllegalArgumentException("Context attribute " + ATTRIBUTE + " must be a BiFunction"
                    + "<HttpServletRequest, Class<? extends HttpUpgradeHandler>, HttpUpgradeHandler> but was "
                    + attribute.getClass().getName());
        }
        @SuppressWarnings("unchecked")
        BiFunction<HttpServletRequest, Class<? extends HttpUpgradeHandler>, HttpUpgradeHandler> adapter =
                (BiFunction<HttpServletRequest, Class<? extends HttpUpgradeHandler>, HttpUpgradeHandler>) function;
        ContainerSupport support = Transports.chosen(ContainerSupport.of(context), choice);
        String offered = context.getAttribute(TRANSPORT_ATTRIBUTE) instanceof String s ? s : null;
        String own = choice == TransportChoice.SERVLET ? null : offered;
        Transports.report(context, choice, own != null ? own : support.transportName(), function.getClass().getName(),
                TRANSPORT_LOGGED_ATTRIBUTE);
        return new ContainerUpgrade(adapter, function.getClass().getName(), support, own, null);
    }

    /**
     * Creates a {@code type} handler and arranges for the connection of {@code request} to be
     * handed to it once the response is complete. The caller sets the response's status and
     * fields, before or after this call.
     *
     * @throws ServletException if the request cannot be switched or the handler cannot be created
     */
    public <T extends HttpUpgradeHandler> T upgrade(HttpServletRequest request, Class<T> type)
            throws IOException, ServletException {
        if (adapter == null) {
            return request.upgrade(type);
        }
        if (adapterTransport != null && Transports.runsOnEngine(type)) {
            request.setAttribute(TRANSPORT_ATTRIBUTE, adapterTransport);
        }
        HttpUpgradeHandler handler;
        try {
            handler = adapter.apply(request, type);
        } catch (IllegalStateException e) {
            throw new ServletException(e.getMessage(), e);
        }
        if (!type.isInstance(handler)) {
            throw new ServletException(name + " returned " + handler + " for " + type.getName());
        }
        return type.cast(handler);
    }

    /**
     * Hands the connection of {@code request} to Switchboard's connection engine, with a
     * session built by {@code factory}: for a filter that switches a connection itself (a
     * relay that switches only once its backend has answered) rather than through
     * {@link UpgradeFilter}. Counts the switch as an upgrade in {@code statistics}. The caller
     * sets the response's status and fields, before and after this call (containers differ
     * in which they keep); the factory runs during the call.
     *
     * @param limits the limits of the connection
     * @param scheduler runs the connection's timeouts and scheduled tasks
     * @throws ServletException if the request cannot be switched
     */
    public void upgrade(HttpServletRequest request, UpgradeSession.Factory factory, ProtocolStatistics statistics,
            HandlerOptions limits, ScheduledExecutorService scheduler) throws IOException, ServletException {
        SessionSetup setup = new SessionSetup(factory, statistics, limits, new byte[0], scheduler);
        EngineSwitch switched = upgradeToEngine(request);
        // Point of no return: the connection now belongs to the engine.
        statistics.upgraded();
        switched.bind(setup);
    }

    /** A connection switched for a session on the engine, waiting for the session's setup. */
    interface EngineSwitch {
        /** Builds the session on the calling thread and starts it once the connection is there; once. */
        void bind(SessionSetup setup);
    }

    /**
     * Switches {@code request}'s connection for a session on the engine: on the container's
     * own carrier where its support offers one for this request
     * ({@link ContainerSupport#carrier}), else with a {@link SessionUpgradeHandler}.
     *
     * @throws ServletException if the request cannot be switched
     */
    EngineSwitch upgradeToEngine(HttpServletRequest request) throws IOException, ServletException {
        Class<? extends HttpUpgradeHandler> type = adapter == null ? support.carrier(request) : null;
        if (type == null) {
            SessionUpgradeHandler handler = upgrade(request, SessionUpgradeHandler.class);
            return setup -> handler.bind(setup, support);
        }
        HttpUpgradeHandler handler = upgrade(request, type);
        if (!(handler instanceof TransportCarrier carrier)) {
            throw new ServletException(support.name() + " offered " + type.getName() + ", which is no "
                    + TransportCarrier.class.getSimpleName());
        }
        return setup -> {
            Handover handover = new Handover();
            handover.bind(new Engine(setup), support);
            carrier.carry(handover, loops);
        };
    }

    /**
     * A handler of the container's kind that runs a session built by {@code factory} on
     * whatever connection the container gives it: for a connection that the container itself
     * switches before any web application sees the request (an upgrade protocol of a
     * connector), where there is no request to hand over. Counts the switch as an upgrade in
     * {@code statistics} (see {@link ProtocolStatistics#detached}). The factory runs during
     * the call; the session's callbacks start once the container calls the handler's
     * {@code init}. The connection runs on the support found without a context
     * ({@link ContainerSupport#of}).
     *
     * @param limits the limits of the connection
     * @param scheduler runs the connection's timeouts and scheduled tasks
     */
    public static HttpUpgradeHandler handlerFor(UpgradeSession.Factory factory, ProtocolStatistics statistics,
            HandlerOptions limits, ScheduledExecutorService scheduler) {
        SessionSetup setup = new SessionSetup(factory, statistics, limits, new byte[0], scheduler);
        SessionUpgradeHandler handler = new SessionUpgradeHandler();
        statistics.upgraded();
        handler.bind(setup, ContainerSupport.of(null));
        return handler;
    }

    /** The support of the container, for the connections this switches. */
    ContainerSupport support() {
        return support;
    }

    /** Whether a container adapter is installed (rather than the container's {@code upgrade()}). */
    public boolean isAdapted() {
        return adapter != null;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Warns once per context (every filter that switches asks), on containers known to need an adapter. */
    private static void warnIfAdapterNeeded(ServletContext context) {
        String server = context.getServerInfo();
        if (server != null && server.toLowerCase(Locale.ROOT).startsWith("jetty/12.")
                && context.getAttribute(WARNED_ATTRIBUTE) == null) {
            context.setAttribute(WARNED_ATTRIBUTE, Boolean.TRUE);
            LOG.warning("Running on " + server + " without Switchboard's Jetty adapter: upgraded protocols lose "
                    + "the input of clients that wait for the 101 before sending. Put upgrade-jetty.jar on the classpath of "
                    + "Jetty's ee10 or ee11 environment (see upgrade-jetty's README).");
        }
    }
}
