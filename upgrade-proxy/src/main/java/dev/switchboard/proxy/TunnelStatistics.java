package dev.switchboard.proxy;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The tunnel's counters for one web application; registered over JMX as
 * {@code dev.switchboard:type=Tunnel,context="/app"}. The update methods are for the tunnel
 * itself. Thread-safe.
 */
public final class TunnelStatistics implements TunnelStatisticsMXBean {

    private static final Logger LOG = Logger.getLogger(TunnelStatistics.class.getName());

    /** Refusal labels are chosen by the tunnel, but capped anyway, like every labelled counter. */
    private static final int MAX_LABELS = 32;

    private final String contextName;
    private final LongAdder requests = new LongAdder();
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder opened = new LongAdder();
    private final LongAdder relayed = new LongAdder();
    private final LongAdder cut = new LongAdder();
    private final LongAdder refusals = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> refusalsByReason = new ConcurrentHashMap<>();
    private final LongAdder toBackend = new LongAdder();
    private final LongAdder fromBackend = new LongAdder();
    private ObjectName registered;

    public TunnelStatistics(String contextName) {
        this.contextName = contextName.isEmpty() ? "/" : contextName;
    }

    public void request() {
        requests.increment();
    }

    public void tunnelOpened() {
        opened.increment();
        open.incrementAndGet();
    }

    public void tunnelClosed() {
        open.decrementAndGet();
    }

    public void relayed() {
        relayed.increment();
    }

    public void responseCut() {
        cut.increment();
    }

    public void refused(String reason) {
        refusals.increment();
        String key = refusalsByReason.size() < MAX_LABELS || refusalsByReason.containsKey(reason) ? reason : "other";
        refusalsByReason.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    public void toBackend(long bytes) {
        toBackend.add(bytes);
    }

    public void fromBackend(long bytes) {
        fromBackend.add(bytes);
    }

    @Override
    public long getRequests() {
        return requests.sum();
    }

    @Override
    public int getTunnelsOpen() {
        return open.get();
    }

    @Override
    public long getTunnelsOpened() {
        return opened.sum();
    }

    @Override
    public long getResponsesRelayed() {
        return relayed.sum();
    }

    @Override
    public long getResponsesCut() {
        return cut.sum();
    }

    @Override
    public long getRefusals() {
        return refusals.sum();
    }

    @Override
    public Map<String, Long> getRefusalsByReason() {
        Map<String, Long> out = new TreeMap<>();
        refusalsByReason.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @Override
    public long getBytesToBackend() {
        return toBackend.sum();
    }

    @Override
    public long getBytesFromBackend() {
        return fromBackend.sum();
    }

    /** The counters as a map of plain values, for JSON endpoints; the same numbers as JMX. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("context", contextName);
        out.put("requests", getRequests());
        out.put("tunnelsOpen", getTunnelsOpen());
        out.put("tunnelsOpened", getTunnelsOpened());
        out.put("responsesRelayed", getResponsesRelayed());
        out.put("responsesCut", getResponsesCut());
        out.put("refusals", getRefusals());
        out.put("refusalsByReason", getRefusalsByReason());
        out.put("bytesToBackend", getBytesToBackend());
        out.put("bytesFromBackend", getBytesFromBackend());
        return out;
    }

    /** Registers this MBean with the platform server. Idempotent. */
    synchronized void register() {
        if (registered != null) {
            return;
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName("dev.switchboard:type=Tunnel,context=" + ObjectName.quote(contextName));
            try {
                server.registerMBean(this, name);
            } catch (InstanceAlreadyExistsException e) {
                // A previous deployment of the same context path that was not undeployed cleanly.
                server.unregisterMBean(name);
                server.registerMBean(this, name);
            }
            registered = name;
        } catch (JMException e) {
            LOG.log(Level.WARNING, "Could not register the tunnel MBean; counters stay available in code", e);
        }
    }

    synchronized void unregister() {
        if (registered == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(registered);
        } catch (JMException e) {
            LOG.log(Level.FINE, "Tunnel MBean was already gone", e);
        }
        registered = null;
    }
}
