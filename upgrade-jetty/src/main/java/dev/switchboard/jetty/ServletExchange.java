package dev.switchboard.jetty;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.DecoratedObjectFactory;

/**
 * What a switch needs from a servlet request, in Jetty's core terms, whatever the environment
 * (ee10, ee11) the request came through.
 *
 * @param request the core request under the servlet request: its connection, components,
 *     context and attributes
 * @param committed whether the servlet response is already committed (then it cannot switch)
 * @param objects the web application's object factory, which creates and destroys handlers
 *     as it does the application's other objects (injection, {@code @PreDestroy})
 */
record ServletExchange(Request request, boolean committed, DecoratedObjectFactory objects) {
}
