package dev.switchboard.demo.app.chat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/**
 * {@code /ws/chat}: one session of the chat. Switchboard has already agreed the subprotocol
 * ({@code chat.v2} or {@code chat.v1}, required) before this runs.
 */
public final class ChatEndpoint extends Endpoint {

    private final ChatRoom room;
    private ChatMember member;

    public ChatEndpoint(ChatRoom room) {
        this.room = room;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        ChatSubprotocol protocol = ChatSubprotocol.of(session.getNegotiatedSubprotocol()).orElse(ChatSubprotocol.V1);
        member = new ChatMember(session, protocol, room.nextGuestName(), room::leave);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> room.receive(member, text));
        room.join(member);
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (member != null) {
            room.leave(member);
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        if (member != null) {
            room.leave(member);
        }
    }
}
