package dev.switchboard.servlet;

import java.time.Duration;

import dev.switchboard.options.InvalidOptionException;
import dev.switchboard.options.OptionValues;
import dev.switchboard.options.Parameters;

/**
 * Limits that the connection engine enforces on every upgraded connection. The
 * containers give upgraded connections no timeout of their own (Tomcat sets its read and
 * write timeouts to infinite after a 101), so these are the only ones; beside them, how the
 * engine writes to the container's Servlet streams. Each is declared, with
 * its default and range, in {@link HandlerDeclarations}; the constructor refuses what the
 * parameters refuse.
 *
 * @param idleTimeout close the connection when nothing was read or written for this long;
 *     zero disables
 * @param firstByteTimeout close the connection when the peer sends nothing this long after
 *     the switch; zero disables
 * @param readBufferSize bytes read from the connection at a time
 * @param maxPendingOutput bytes queued for a slow peer before reading stops (back-pressure);
 *     reading resumes when the queue falls to half
 * @param capWrites keep each write on the container's Servlet streams one byte below the
 *     container's write buffer and flush after it, where the container support knows that
 *     buffer: Tomcat holds the end of a write that fills its buffer exactly until its poller
 *     runs again, a round trip per write
 */
public record HandlerOptions(Duration idleTimeout, Duration firstByteTimeout, int readBufferSize,
        int maxPendingOutput, boolean capWrites) {

    /** Parameter for {@link #idleTimeout()}. */
    public static final String IDLE_TIMEOUT = "switchboard.idleTimeout";
    /** Parameter for {@link #firstByteTimeout()}. */
    public static final String FIRST_BYTE_TIMEOUT = "switchboard.firstByteTimeout";
    /** Parameter for {@link #readBufferSize()}. */
    public static final String READ_BUFFER_SIZE = "switchboard.readBufferSize";
    /** Parameter for {@link #maxPendingOutput()}. */
    public static final String MAX_PENDING_OUTPUT = "switchboard.maxPendingOutput";
    /** Parameter for {@link #capWrites()}. */
    public static final String CAP_WRITES = "switchboard.capWrites";

    /** Every limit at the default {@link HandlerDeclarations} gives it. */
    public static final HandlerOptions DEFAULT = of(OptionValues.defaults());

    private static final String SHARED = "switchboard.";

    /**
     * @throws IllegalArgumentException naming the parameter of a value out of its range, or if
     *     the output queue is smaller than the read buffer
     */
    public HandlerOptions {
        HandlerDeclarations.IDLE_TIMEOUT.check(idleTimeout);
        HandlerDeclarations.FIRST_BYTE_TIMEOUT.check(firstByteTimeout);
        HandlerDeclarations.READ_BUFFER_SIZE.check(readBufferSize);
        HandlerDeclarations.MAX_PENDING_OUTPUT.check(maxPendingOutput);
        if (maxPendingOutput < readBufferSize) {
            throw new IllegalArgumentException("expected maxPendingOutput >= readBufferSize (" + readBufferSize
                    + ") but was " + maxPendingOutput);
        }
    }

    /** The four limits, with writes capped as {@link HandlerDeclarations#CAP_WRITES} does by default. */
    public HandlerOptions(Duration idleTimeout, Duration firstByteTimeout, int readBufferSize, int maxPendingOutput) {
        this(idleTimeout, firstByteTimeout, readBufferSize, maxPendingOutput,
                HandlerDeclarations.CAP_WRITES.defaultValue());
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
        OptionValues.Builder values = HandlerDeclarations.GROUP.readInto(OptionValues.builder(), settings, SHARED);
        HandlerOptions shared = checked(values, settings, SHARED);
        if (prefix == null) {
            return shared;
        }
        return checked(HandlerDeclarations.GROUP.readInto(values, settings, prefix + "."), settings, prefix + ".");
    }

    /** The options in {@code values}, the read buffer no larger than the output queue; blames a parameter of {@code scope}. */
    private static HandlerOptions checked(OptionValues.Builder values, Parameters p, String scope) {
        int readBuffer = values.get(HandlerDeclarations.READ_BUFFER_SIZE);
        int pending = values.get(HandlerDeclarations.MAX_PENDING_OUTPUT);
        if (pending < readBuffer) {
            String readBufferName = HandlerDeclarations.GROUP.nameIn(HandlerDeclarations.READ_BUFFER_SIZE, scope);
            String pendingName = HandlerDeclarations.GROUP.nameIn(HandlerDeclarations.MAX_PENDING_OUTPUT, scope);
            // Blame the parameter that was set here; the other one is inherited.
            throw p.get(pendingName).isPresent()
                    ? InvalidOptionException.expected(pendingName, "a size of at least " + readBufferName + " ("
                            + readBuffer + " bytes)", p.get(pendingName).get())
                    : InvalidOptionException.expected(readBufferName, "a size of at most " + pendingName + " ("
                            + pending + " bytes)", p.get(readBufferName).orElse(String.valueOf(readBuffer)));
        }
        return of(values.build());
    }

    private static HandlerOptions of(OptionValues values) {
        return new HandlerOptions(values.get(HandlerDeclarations.IDLE_TIMEOUT),
                values.get(HandlerDeclarations.FIRST_BYTE_TIMEOUT), values.get(HandlerDeclarations.READ_BUFFER_SIZE),
                values.get(HandlerDeclarations.MAX_PENDING_OUTPUT), values.get(HandlerDeclarations.CAP_WRITES));
    }

    public HandlerOptions withIdleTimeout(Duration d) {
        return new HandlerOptions(d, firstByteTimeout, readBufferSize, maxPendingOutput, capWrites);
    }

    public HandlerOptions withFirstByteTimeout(Duration d) {
        return new HandlerOptions(idleTimeout, d, readBufferSize, maxPendingOutput, capWrites);
    }
}
