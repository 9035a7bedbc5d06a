package dev.switchboard.bench.suite;

import java.util.List;

/** One comparison of the suite: it starts what it needs, measures both sides, and stops them again. */
public interface Scenario {

    /** A short name to select the scenario on the command line, such as {@code tunnel}. */
    String name();

    /** The section title, such as {@code 4. Tunnel against nginx}. */
    String title();

    Section run(Plan plan) throws Exception;

    /** The rows this scenario would fill, each marked not measured for {@code reason}. */
    List<Row> notMeasured(String reason);
}
