package dev.switchboard.bench.scenario;

import java.lang.management.ManagementFactory;

/**
 * The heap of the server JVM the memory scenarios measure, read inside it; needs nothing of any
 * container, so that every server JVM (Tomcat's or Jetty's) answers {@code heap} the same way.
 */
final class Heap {

    private Heap() {
    }

    /** Heap in use after full collections (three, a moment apart), in bytes. */
    static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The answer to {@code heap}: {@code heap <bytes used after collection> <bytes max>}. */
    static String answer() throws InterruptedException {
        return "heap " + usedAfterGc() + " " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }
}
