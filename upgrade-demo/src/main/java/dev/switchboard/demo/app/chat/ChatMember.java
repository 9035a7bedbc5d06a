package dev.switchboard.demo.app.chat;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

/**
 * One session in the room. Messages to it are sent one at a time with the asynchronous remote
 * (a container allows one send in flight per session), the rest queued; a member whose queue
 * reaches {@link #MAX_QUEUED} reads too slowly for the room and is closed with 1008, so that
 * one slow reader never holds memory or a thread. A member whose send fails (its peer is gone)
 * leaves the room at once and its session is closed: a container need not report that
 * connection's end through {@code onClose} promptly, and the room must not count it meanwhile.
 * Thread-safe.
 */
final class ChatMember {

    /** Messages waiting for a member before it is closed as too slow. */
    static final int MAX_QUEUED = 256;

    private static final Logger LOG = Logger.getLogger(ChatMember.class.getName());

    private final Session session;
    private final ChatSubprotocol protocol;
    private final Consumer<ChatMember> gone;
    private volatile String name;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;

    /** @param gone told once sending to this member has failed, so that the room lets it go */
    ChatMember(Session session, ChatSubprotocol protocol, String name, Consumer<ChatMember> gone) {
        this.session = session;
        this.protocol = protocol;
        this.gone = gone;
        this.name = name;
    }

    String name() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    ChatSubprotocol protocol() {
        return protocol;
    }

    /** Queues {@code event} for this member, written in its subprotocol. */
    void send(ChatEvent event) {
        String text = ChatCodec.write(protocol, event);
        boolean overflow = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (sending) {
                if (queue.size() < MAX_QUEUED) {
                    queue.add(text);
                    return;
                }
                overflow = true;
                closed = true;
                queue.clear();
            } else {
                sending = true;
            }
        }
        if (overflow) {
            close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
                    "Too slow: " + MAX_QUEUED + " messages were waiting"));
            return;
        }
        write(text);
    }

    private void write(String text) {
        try {
            session.getAsyncRemote().sendText(text, this::sent);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void sent(SendResult result) {
        if (!result.isOK()) {
            failed(result.getException());
            return;
        }
        String next;
        synchronized (this) {
            if (closed) {
                queue.clear();
                return;
            }
            next = queue.poll();
            if (next == null) {
                sending = false;
                return;
            }
        }
        write(next);
    }

    /** The peer cannot be written to: stop, leave the room, close what is left of the session. */
    private void failed(Throwable cause) {
        LOG.log(Level.FINE, "sending to a chat member failed; it is leaving", cause);
        stop();
        gone.accept(this);
        close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "Sending failed"));
    }

    /** Stops sending; the session is closing or closed. */
    synchronized void stop() {
        closed = true;
        queue.clear();
    }

    private void close(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing a chat member", e);
        }
    }
}
