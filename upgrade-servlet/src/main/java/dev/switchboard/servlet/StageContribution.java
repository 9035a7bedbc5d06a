package dev.switchboard.servlet;

import java.util.List;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/**
 * A {@link Stage} that a Switchboard jar adds to the front door, found with
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/dev.switchboard.servlet.StageContribution}
 * entry). {@link SwitchboardFilter} runs the enabled contributions' stages in the order of their
 * {@link #phase()}, around its own {@link Phase#NEGOTIATION} stage.
 */
public interface StageContribution {

    /** Where the stage runs. */
    Phase phase();

    /** Whether this application needs the stage (for example only when configured). */
    boolean enabled(ServletContext context, Settings settings);

    /**
     * The URL patterns (servlet mapping syntax) whose requests the stage sees; {@code /*} for
     * all. Requests outside them pass the stage by.
     */
    default List<String> urlPatterns(Settings settings) {
        return List.of("/*");
    }

    /**
     * Creates the stage for one application.
     *
     * @param settings the filter's init-params, then the context params
     * @throws ServletException if the options are invalid
     */
    Stage create(ServletContext context, Settings settings) throws ServletException;
}
