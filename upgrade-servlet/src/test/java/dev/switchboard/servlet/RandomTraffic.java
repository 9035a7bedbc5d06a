package dev.switchboard.servlet;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

import dev.switchboard.servlet.internal.FakeConnection;

/** A peer that sends and takes bytes in random steps, for tests of back-pressure between connections. */
final class RandomTraffic {

    private RandomTraffic() {
    }

    /** Feeds {@code data} to {@code c}'s input in random chunks of up to 3,000 bytes. */
    static Thread feeder(FakeConnection c, byte[] data, long seed) {
        return new Thread(() -> {
            Random random = new Random(seed);
            for (int off = 0; off < data.length;) {
                int n = Math.min(data.length - off, 1 + random.nextInt(3000));
                byte[] chunk = new byte[n];
                System.arraycopy(data, off, chunk, 0, n);
                c.getInputStream().feed(chunk);
                off += n;
            }
        }, "feeder");
    }

    /**
     * Takes what arrives on {@code c}'s output in random steps until {@code expected} bytes have;
     * gives up after 60 s, which only a lost wake-up takes, adding why to {@code failures}.
     */
    static Thread drainer(FakeConnection c, int expected, long seed, List<Throwable> failures) {
        return new Thread(() -> {
            Random random = new Random(seed);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (c.getOutputStream().takenCount() < expected) {
                if (System.nanoTime() - deadline > 0) {
                    synchronized (failures) {
                        failures.add(new AssertionError("stalled after " + c.getOutputStream().takenCount()
                                + " of " + expected + " bytes; " + c.getOutputStream().held() + " held, "
                                + c.getInputStream().unread() + " unread on the other side"));
                    }
                    return;
                }
                if (c.getOutputStream().take(1 + random.nextInt(5000)) == 0) {
                    LockSupport.parkNanos(50_000);
                }
            }
        }, "drainer");
    }
}
