package dev.switchboard.it.app.ws;

import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/** An echo endpoint under {@code /p/rooms/{room}} that first says which room it serves. */
public class RoomEndpoint extends EchoEndpoint {

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        super.onOpen(session, config);
        send(session, "room:" + session.getPathParameters().get("room"));
    }
}
