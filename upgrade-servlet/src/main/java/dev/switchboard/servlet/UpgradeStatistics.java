package dev.switchboard.servlet;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The upgrade counters of one web application: one {@link UpgradeFilterStatisticsMXBean} and
 * one {@link ProtocolStatistics} per protocol. Registered with the platform MBean server as
 * {@code dev.switchboard:type=UpgradeFilter,context=/app} and
 * {@code dev.switchboard:type=UpgradeProtocol,context=/app,protocol="echo/1"}. Thread-safe.
 */
public final class UpgradeStatistics implements UpgradeFilterStatisticsMXBean {

    private static final Logger LOG = Logger.getLogger(UpgradeStatistics.class.getName());
    static final String DOMAIN = "dev.switchboard";

    private final String contextName;
    private final LongAdder requests = new LongAdder();
    private final LabelledCounters ignored = new LabelledCounters();
    private final LabelledCounters rejected = new LabelledCounters();
    private final LongAdder unmatched = new LongAdder();
    private final ConcurrentHashMap<String, ProtocolStatistics> protocols = new ConcurrentHashMap<>();
    private final UpgradeListeners listeners = new UpgradeListeners();
    private final List<ObjectName> registered = new ArrayList<>();
    private boolean jmx;

    UpgradeStatistics(String contextName) {
        this.contextName = contextName.isEmpty() ? "/" : contextName;
    }

    /** The counters of {@code protocol}, created (and registered over JMX) on first use. */
    public ProtocolStatistics forProtocol(String protocol) {
        ProtocolStatistics stats = protocols.get(protocol);
        if (stats != null) {
            return stats;
        }
        ProtocolStatistics created = new ProtocolStatistics(protocol, listeners);
        stats = protocols.putIfAbsent(protocol, created);
        if (stats == null) {
            synchronized (this) {
                if (jmx) {
                    register(created, protocolName(protocol));
                }
            }
            listeners.fire(l -> l.protocolAdded(created));
            return created;
        }
        return stats;
    }

    /** The counters of every protocol made so far. */
    public List<ProtocolStatistics> protocols() {
        return List.copyOf(protocols.values());
    }

    /**
     * Tells {@code listener} what these statistics count from now on, and what only a listener
     * hears (durations, close codes); see {@link UpgradeListener}. Adding the same listener
     * twice has no effect.
     */
    public void addListener(UpgradeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops telling {@code listener}; returns whether it was added. */
    public boolean removeListener(UpgradeListener listener) {
        return listeners.remove(listener);
    }

    void upgradeRequest() {
        requests.increment();
    }

    void ignored(String label) {
        ignored.increment(label);
        listeners.fire(l -> l.counted(null, UpgradeListener.Outcome.IGNORED, label));
    }

    void rejected(String label) {
        rejected.increment(label);
        listeners.fire(l -> l.counted(null, UpgradeListener.Outcome.REJECTED, label));
    }

    void unmatched() {
        unmatched.increment();
        listeners.fire(l -> l.counted(null, UpgradeListener.Outcome.UNMATCHED, null));
    }

    @Override
    public long getUpgradeRequests() {
        return requests.sum();
    }

    @Override
    public long getIgnored() {
        return ignored.total();
    }

    @Override
    public Map<String, Long> getIgnoredByReason() {
        return ignored.snapshot();
    }

    @Override
    public long getRejected() {
        return rejected.total();
    }

    @Override
    public Map<String, Long> getRejectedByReason() {
        return rejected.snapshot();
    }

    @Override
    public long getUnmatched() {
        return unmatched.sum();
    }

    /** All counters as nested maps of plain values, for JSON endpoints; the same numbers as JMX. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("context", contextName);
        out.put("upgradeRequests", getUpgradeRequests());
        out.put("ignored", getIgnored());
        out.put("ignoredByReason", getIgnoredByReason());
        out.put("rejected", getRejected());
        out.put("rejectedByReason", getRejectedByReason());
        out.put("unmatched", getUnmatched());
        Map<String, Object> byProtocol = new LinkedHashMap<>();
        protocols.values().stream()
                .sorted((a, b) -> a.getProtocol().compareTo(b.getProtocol()))
                .forEach(p -> byProtocol.put(p.getProtocol(), p.toMap()));
        out.put("protocols", byProtocol);
        return out;
    }

    /** Registers every MBean now and those created later. Idempotent. */
    synchronized void registerMBeans() {
        if (jmx) {
            return;
        }
        jmx = true;
        register(this, name("UpgradeFilter", null));
        protocols.forEach((name, stats) -> register(stats, protocolName(name)));
    }

    /** Unregisters every MBean this instance registered. */
    synchronized void unregisterMBeans() {
        jmx = false;
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                LOG.log(Level.FINE, "MBean " + name + " was already gone", e);
            }
        }
        registered.clear();
    }

    private ObjectName protocolName(String protocol) {
        return name("UpgradeProtocol", protocol);
    }

    private ObjectName name(String type, String protocol) {
        try {
            String s = DOMAIN + ":type=" + type + ",context=" + ObjectName.quote(contextName);
            if (protocol != null) {
                s += ",protocol=" + ObjectName.quote(protocol);
            }
            return new ObjectName(s);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private void register(Object bean, ObjectName name) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            try {
                server.registerMBean(bean, name);
            } catch (InstanceAlreadyExistsException e) {
                // A previous deployment of the same context path that was not undeployed cleanly.
                server.unregisterMBean(name);
                server.registerMBean(bean, name);
            }
            registered.add(name);
        } catch (JMException e) {
            LOG.log(Level.WARNING, "Could not register MBean " + name + "; counters stay available in code", e);
        }
    }
}
