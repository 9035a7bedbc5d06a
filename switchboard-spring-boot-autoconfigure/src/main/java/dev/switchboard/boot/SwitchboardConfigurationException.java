package dev.switchboard.boot;

/**
 * A Boot setting that would defeat one of Switchboard's guarantees, found at start-up. The
 * message is one line that names both settings; {@link SwitchboardFailureAnalyzer} shows it,
 * with {@link #action()}, in place of a stack trace.
 */
public final class SwitchboardConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String action;

    SwitchboardConfigurationException(String reason, String action) {
        super(reason);
        this.action = action;
    }

    /** What to change. */
    public String action() {
        return action;
    }
}
