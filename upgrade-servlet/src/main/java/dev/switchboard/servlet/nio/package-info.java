/**
 * Switchboard's own NIO toolkit for its modules: the selector loop ({@link Reactor}) that
 * drives the sockets Switchboard opens itself (a tunnel's backend connections, the RFC 2817
 * bridge's loopback connections into the container), and the bounded byte queue
 * ({@link BoundedQueue}) behind every back-pressure rule of the project.
 *
 * <p><strong>Not for applications.</strong> The package is public only so that Switchboard's
 * modules (upgrade-proxy, upgrade-tls-filter, upgrade-tomcat) can share it without reaching into
 * another module's {@code internal} package; it may change in any release without notice.
 */
package dev.switchboard.servlet.nio;
