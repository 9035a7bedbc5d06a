package dev.switchboard.options;

/**
 * A configuration value that is not what its option takes. The message names the parameter,
 * what it takes and what it was, so that a deployment that fails on it says which line of
 * its configuration to fix:
 *
 * <pre>
 * switchboard.idleTimeout: expected a duration such as 30s, 500ms, 5m or PT30S but was "2 minutes"
 * </pre>
 *
 * {@link OptionType}s throw it without a parameter; {@link Option} adds the name under which
 * the value was read.
 */
public final class InvalidOptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String problem;

    private InvalidOptionException(String parameter, String problem, Throwable cause) {
        super(parameter == null ? problem : parameter + ": " + problem, cause);
        this.parameter = parameter;
        this.problem = problem;
    }

    /** {@code expected <expected> but was "<actual>"}, for the parameter to be named later. */
    public static InvalidOptionException expected(String expected, String actual) {
        return new InvalidOptionException(null, "expected " + expected + " but was \"" + actual + "\"", null);
    }

    /** {@code expected <expected> but was "<actual>"}, caused by {@code cause}. */
    public static InvalidOptionException expected(String expected, String actual, Throwable cause) {
        return new InvalidOptionException(null, "expected " + expected + " but was \"" + actual + "\"", cause);
    }

    /** {@code <parameter>: expected <expected> but was "<actual>"}. */
    public static InvalidOptionException expected(String parameter, String expected, String actual) {
        return new InvalidOptionException(parameter, "expected " + expected + " but was \"" + actual + "\"", null);
    }

    /**
     * A value refused by a parser of its own (a URL pattern, a route, an address), whose
     * message already says what was wrong, as {@code <parameter>: <message>}.
     */
    public static InvalidOptionException named(String parameter, IllegalArgumentException e) {
        if (e instanceof InvalidOptionException known) {
            return known.parameter == null ? new InvalidOptionException(parameter, known.problem, known.getCause())
                    : known;
        }
        return new InvalidOptionException(parameter, e.getMessage(), e);
    }

    /** The parameter whose value was refused, or null when not yet known. */
    public String parameter() {
        return parameter;
    }

    /** The message without the parameter's name. */
    public String problem() {
        return problem;
    }
}
