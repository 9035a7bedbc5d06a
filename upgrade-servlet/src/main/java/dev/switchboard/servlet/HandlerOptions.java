package dev.switchboard.servlet;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits that the connection engine enforces on every upgraded connection. The
 * containers give upgraded connections no timeout of their own (Tomcat sets its read and
 * write timeouts to infinite after a 101), so these are the only ones.
 *
 * @param idleTimeout close the connection when nothing was read or written for this long;
 *     zero disables
 * @param firstByteTimeout close the connection when the peer sends nothing this long after
 *     the switch; zero disables
 * @param readBufferSize bytes read from the connection at a time
 * @param maxPendingOutput bytes queued for a slow peer before reading stops (back-pressure);
 *     reading resumes when the queue falls to half
 */
public record HandlerOptions(Duration idleTimeout, Duration firstByteTimeout, int readBufferSize,
        int maxPendingOutput) {

    /** Parameter for {@link #idleTimeout()}. */
    public static final String IDLE_TIMEOUT = "switchboard.idleTimeout";
    /** Parameter for {@link #firstByteTimeout()}. */
    public static final String FIRST_BYTE_TIMEOUT = "switchboard.firstByteTimeout";
    /** Parameter for {@link #readBufferSize()}. */
    public static final String READ_BUFFER_SIZE = "switchboard.readBufferSize";
    /** Parameter for {@link #maxPendingOutput()}. */
    public static final String MAX_PENDING_OUTPUT = "switchboard.maxPendingOutput";

    /** Idle 2 minutes, first byte 30 seconds, 16 KiB reads, 256 KiB queued output. */
    public static final HandlerOptions DEFAULT =
            new HandlerOptions(Duration.ofMinutes(2), Duration.ofSeconds(30), 16 * 1024, 256 * 1024);

    public HandlerOptions {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(firstByteTimeout, "firstByteTimeout");
        if (idleTimeout.isNegative() || firstByteTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
        if (readBufferSize < 256) {
            throw new IllegalArgumentException("expected readBufferSize >= 256 but was " + readBufferSize);
        }
        if (maxPendingOutput < readBufferSize) {
            throw new IllegalArgumentException("expected maxPendingOutput >= readBufferSize (" + readBufferSize
                    + ") but was " + maxPendingOutput);
        }
    }

    /**
     * Reads the options from {@code settings}. A protocol may give its own values under
     * {@code prefix} (for example {@code switchboard.echo.idleTimeout}); otherwise the shared
     * {@code switchboard.*} values apply, then the defaults.
     *
     * @throws IllegalArgumentException naming the parameter, if a value is invalid or the
     *     read buffer is larger than the output queue
     */
    public static HandlerOptions from(Settings settings, String prefix) {
        HandlerOptions shared = read(settings, "switchboard", DEFAULT);
        return prefix == null ? shared : read(settings, prefix, shared);
    }

    private static HandlerOptions read(Settings settings, String prefix, HandlerOptions fallback) {
        String readBufferName = prefix + ".readBufferSize";
        String pendingName = prefix + ".maxPendingOutput";
        int readBuffer = settings.getSize(readBufferName, fallback.readBufferSize, 256, 1 << 20);
        int pending = settings.getSize(pendingName, fallback.maxPendingOutput, 256, 1 << 30);
        if (pending < readBuffer) {
            // Blame the parameter that was set here; the other one is inherited.
            throw settings.get(pendingName).isPresent()
                    ? Settings.invalid(pendingName, "a size of at least " + readBufferName + " (" + readBuffer
                            + " bytes)", settings.get(pendingName).get())
                    : Settings.invalid(readBufferName, "a size of at most " + pendingName + " (" + pending
                            + " bytes)", settings.get(readBufferName).orElse(String.valueOf(readBuffer)));
        }
        return new HandlerOptions(
                settings.getDuration(prefix + ".idleTimeout", fallback.idleTimeout),
                settings.getDuration(prefix + ".firstByteTimeout", fallback.firstByteTimeout),
                readBuffer, pending);
    }

    public HandlerOptions withIdleTimeout(Duration d) {
        return new HandlerOptions(d, firstByteTimeout, readBufferSize, maxPendingOutput);
    }

    public HandlerOptions withFirstByteTimeout(Duration d) {
        return new HandlerOptions(idleTimeout, d, readBufferSize, maxPendingOutput);
    }
}
