package dev.switchboard.servlet;

import static dev.switchboard.options.OptionTypes.KIB;
import static dev.switchboard.options.OptionTypes.MIB;

import java.time.Duration;

import dev.switchboard.options.Option;
import dev.switchboard.options.OptionGroup;

/**
 * The options of {@link HandlerOptions}: limits of every upgraded connection, shared under
 * {@code switchboard.} and set for one protocol under {@code switchboard.<protocol>.}.
 * Protocols that document their own copies declare them with {@link Option#inheritedAs}.
 */
public final class HandlerDeclarations {

    public static final Option<Duration> IDLE_TIMEOUT = Option.duration(HandlerOptions.IDLE_TIMEOUT,
            Duration.ofMinutes(2), "Upgraded connections with no traffic for this long are closed.");
    public static final Option<Duration> FIRST_BYTE_TIMEOUT = Option.duration(HandlerOptions.FIRST_BYTE_TIMEOUT,
            Duration.ofSeconds(30), "Upgraded connections whose peer sends nothing this long after the 101 are closed.");
    public static final Option<Integer> READ_BUFFER_SIZE = Option.size(HandlerOptions.READ_BUFFER_SIZE, 16 * KIB,
            256, MIB, "Bytes read from an upgraded connection at a time.");
    public static final Option<Integer> MAX_PENDING_OUTPUT = Option.size(HandlerOptions.MAX_PENDING_OUTPUT,
            256 * KIB, 256, 1024 * MIB,
            "Output queued for a slow peer before the handler stops reading (resumes at half).");
    public static final Option<Boolean> CAP_WRITES = Option.bool(HandlerOptions.CAP_WRITES, true,
            "Writes on the Servlet streams stay below the container's write buffer and are flushed one by one, where"
                    + " the container support knows that buffer (Tomcat); `false` writes up to 64 KiB at a time.");

    /** The four limits and the write cap; {@code switchboard.<protocol>.} is the scope of one protocol's. */
    public static final OptionGroup GROUP = OptionGroup.builder("handler", "switchboard.")
            .add(IDLE_TIMEOUT, FIRST_BYTE_TIMEOUT, READ_BUFFER_SIZE, MAX_PENDING_OUTPUT, CAP_WRITES)
            .scope("switchboard.<protocol>.")
            .build();

    private HandlerDeclarations() {
    }
}
