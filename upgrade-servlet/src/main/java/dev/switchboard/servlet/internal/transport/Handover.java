package dev.switchboard.servlet.internal.transport;

import dev.switchboard.servlet.internal.engine.Engine;
import dev.switchboard.servlet.internal.engine.Transport;

/**
 * Brings together the two halves of a switch, which arrive in either order: the engine,
 * bound by the switch right after {@code upgrade()} returned, and the transport, once the
 * container hands the connection over ({@code init}). Tomcat calls {@code init} after the
 * filter returns, and so does Jetty 12.1.8 and later (with or without Switchboard's Jetty
 * adapter); earlier Jetty 12.1 builds called it inside {@code upgrade()}. The container's
 * release ({@code destroy}) may come at any time, even before either. Thread-safe.
 */
public final class Handover {

    private Engine engine;
    private Transport transport;
    private boolean released;

    /** The switch has set the connection up: builds the session, and starts if the transport is there. */
    public void bind(Engine bound) {
        bound.open();
        Transport t;
        boolean gone;
        synchronized (this) {
            if (engine != null) {
                throw new IllegalStateException("the connection was already switched");
            }
            engine = bound;
            t = transport;
            gone = released;
        }
        if (t != null) {
            bound.start(t);
        }
        if (gone) {
            bound.events().closed();
        }
    }

    /** The container handed the connection over. */
    public void connected(Transport t) {
        Engine e;
        synchronized (this) {
            transport = t;
            e = engine;
        }
        if (e != null) {
            e.start(t);
        }
    }

    /** The container released the connection. */
    public void released() {
        Engine e;
        synchronized (this) {
            released = true;
            e = engine;
        }
        if (e != null) {
            e.events().closed();
        }
    }
}
