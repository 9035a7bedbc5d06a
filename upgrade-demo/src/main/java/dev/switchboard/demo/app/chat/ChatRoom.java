package dev.switchboard.demo.app.chat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.ServletContext;

/**
 * The chat room of one application: every member gets every message, each in its own
 * subprotocol. Kept as a servlet-context attribute. Thread-safe.
 */
public final class ChatRoom {

    /** The servlet-context attribute under which the room is kept. */
    public static final String ATTRIBUTE = ChatRoom.class.getName();

    private final Set<ChatMember> members = ConcurrentHashMap.newKeySet();
    private final AtomicLong guests = new AtomicLong();
    private final AtomicLong messageIds = new AtomicLong();
    private final LongAdder joined = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder refused = new LongAdder();

    /** The room of {@code context}, created on first use. */
    public static ChatRoom of(ServletContext context) {
        synchronized (context) {
            Object room = context.getAttribute(ATTRIBUTE);
            if (room instanceof ChatRoom r) {
                return r;
            }
            ChatRoom created = new ChatRoom();
            context.setAttribute(ATTRIBUTE, created);
            return created;
        }
    }

    /** A fresh guest name, {@code guest-1}, {@code guest-2}, ... */
    String nextGuestName() {
        return "guest-" + guests.incrementAndGet();
    }

    void join(ChatMember member) {
        members.add(member);
        joined.increment();
        int count = members.size();
        member.send(new ChatEvent.Welcome(member.name(), member.protocol().token(), count));
        broadcast(new ChatEvent.Presence(member.name(), true, count), member);
    }

    void leave(ChatMember member) {
        member.stop();
        if (members.remove(member)) {
            broadcast(new ChatEvent.Presence(member.name(), false, members.size()), null);
        }
    }

    /** Handles one message from {@code member}: said to everyone, or refused to the sender alone. */
    void receive(ChatMember member, String message) {
        received.increment();
        ChatCodec.Incoming in;
        try {
            in = ChatCodec.read(member.protocol(), message);
        } catch (IllegalArgumentException e) {
            refused.increment();
            member.send(new ChatEvent.Refused(e.getMessage()));
            return;
        }
        if (in.name() != null) {
            member.rename(in.name());
        }
        broadcast(new ChatEvent.Said(messageIds.incrementAndGet(), member.name(), in.text(), Instant.now()), null);
    }

    private void broadcast(ChatEvent event, ChatMember except) {
        for (ChatMember m : members) {
            if (m != except) {
                m.send(event);
                delivered.increment();
            }
        }
    }

    /** The room's counters as plain values, for {@code /stats}. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("members", members.size());
        out.put("joined", joined.sum());
        out.put("messagesReceived", received.sum());
        out.put("messagesDelivered", delivered.sum());
        out.put("messagesRefused", refused.sum());
        return out;
    }
}
