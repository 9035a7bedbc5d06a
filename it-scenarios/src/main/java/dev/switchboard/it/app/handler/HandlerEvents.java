package dev.switchboard.it.app.handler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the handlers of this application went through, per connection, for
 * {@link HandlerReportServlet} to report: how often each callback ran and why the connection
 * closed. One registry per web application (it lives in the application's class loader).
 */
public final class HandlerEvents {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final Map<Integer, Record> RECORDS = new ConcurrentHashMap<>();

    private HandlerEvents() {
    }

    /** A new connection; returns its id. */
    static int opened() {
        int id = IDS.incrementAndGet();
        RECORDS.put(id, new Record());
        return id;
    }

    static void inputClosed(int id) {
        RECORDS.get(id).inputClosed.incrementAndGet();
    }

    static void timedOut(int id, String timeout) {
        RECORDS.get(id).timeouts.put(timeout, timeout);
    }

    static void closed(int id, Throwable cause) {
        Record r = RECORDS.get(id);
        r.cause = cause == null ? "none" : cause.getClass().getName() + ": " + cause.getMessage();
        r.closed.incrementAndGet();
    }

    /** The record of connection {@code id} as {@code name=value} lines, or null if there is none. */
    static String report(int id) {
        Record r = RECORDS.get(id);
        if (r == null) {
            return null;
        }
        return "closed=" + r.closed.get() + "\n"
                + "inputClosed=" + r.inputClosed.get() + "\n"
                + "timeouts=" + String.join(",", new java.util.TreeSet<>(r.timeouts.keySet())) + "\n"
                + "cause=" + r.cause + "\n";
    }

    private static final class Record {
        final AtomicInteger closed = new AtomicInteger();
        final AtomicInteger inputClosed = new AtomicInteger();
        final Map<String, String> timeouts = new ConcurrentHashMap<>();
        volatile String cause = "open";
    }
}
