package dev.switchboard.demo.app.chat;

import java.time.Instant;

/** What the room tells its members. Immutable. */
public sealed interface ChatEvent {

    /** A member said something. */
    record Said(long id, String from, String text, Instant at) implements ChatEvent {
    }

    /** Someone joined or left; {@code members} is the count after the change. */
    record Presence(String who, boolean joined, int members) implements ChatEvent {
    }

    /** Sent to a new member only: its name and the room's size. */
    record Welcome(String you, String subprotocol, int members) implements ChatEvent {
    }

    /** Sent to one member whose message was refused; the session stays open. */
    record Refused(String reason) implements ChatEvent {
    }
}
