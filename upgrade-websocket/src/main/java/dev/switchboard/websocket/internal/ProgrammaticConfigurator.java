package dev.switchboard.websocket.internal;

import dev.switchboard.websocket.SwitchboardConfigurator;
import dev.switchboard.websocket.WebSocketEndpoint;

/** Gives each session of a registered endpoint a new application endpoint, wrapped to enforce its limits. */
final class ProgrammaticConfigurator extends SwitchboardConfigurator {

    private final WebSocketEndpoint endpoint;
    private final EndpointSessions sessions;

    ProgrammaticConfigurator(WebSocketEndpoint endpoint, EndpointSessions sessions) {
        this.endpoint = endpoint;
        this.sessions = sessions;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (endpointClass != ManagedEndpoint.class) {
            throw new InstantiationException("expected " + ManagedEndpoint.class.getName() + " but was "
                    + endpointClass.getName());
        }
        try {
            return endpointClass.cast(new ManagedEndpoint(endpoint.newEndpoint(), sessions));
        } catch (RuntimeException e) {
            InstantiationException x = new InstantiationException("Cannot create the endpoint of " + endpoint.path());
            x.initCause(e);
            throw x;
        }
    }
}
