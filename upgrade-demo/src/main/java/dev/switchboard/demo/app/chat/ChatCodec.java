package dev.switchboard.demo.app.chat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads what a member sends and writes what the room sends, per subprotocol.
 *
 * <p>{@code chat.v2}: the client sends {@code {"text": "...", "name": "..."}} ({@code name}
 * optional, renames the member); the server sends objects whose {@code type} is
 * {@code welcome}, {@code message}, {@code presence} or {@code error}.
 *
 * <p>{@code chat.v1}: the client sends the text itself; the server sends
 * {@code "name: text"} for messages and {@code "* ..."} lines for everything else.
 */
final class ChatCodec {

    /** Longest text accepted in one message, in characters. */
    static final int MAX_TEXT = 2000;
    /** Longest name, in characters. */
    static final int MAX_NAME = 32;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatCodec() {
    }

    /** What a member asked for: text to say, and a new name or {@code null}. */
    record Incoming(String text, String name) {
    }

    /**
     * @throws IllegalArgumentException with a reason to send back, for a message the room refuses
     */
    static Incoming read(ChatSubprotocol protocol, String message) {
        String text;
        String name = null;
        if (protocol == ChatSubprotocol.V1) {
            text = message;
        } else {
            JsonNode node;
            try {
                node = JSON.readTree(message);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("chat.v2 messages are JSON objects such as {\"text\": \"hello\"}");
            }
            if (node == null || !node.isObject() || !node.path("text").isTextual()) {
                throw new IllegalArgumentException("chat.v2 messages are JSON objects with a \"text\" string");
            }
            text = node.get("text").asText();
            if (node.hasNonNull("name")) {
                name = cleanName(node.get("name").asText());
            }
        }
        text = text.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty message");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("messages are at most " + MAX_TEXT + " characters");
        }
        return new Incoming(text, name);
    }

    /** A name without control characters, at most {@link #MAX_NAME} long; {@code null} if nothing is left. */
    static String cleanName(String raw) {
        String name = raw.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty()) {
            return null;
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    /** The event as {@code protocol} writes it. */
    static String write(ChatSubprotocol protocol, ChatEvent event) {
        return protocol == ChatSubprotocol.V1 ? line(event) : json(event);
    }

    private static String line(ChatEvent event) {
        if (event instanceof ChatEvent.Said said) {
            return said.from() + ": " + said.text();
        }
        if (event instanceof ChatEvent.Presence p) {
            return "* " + p.who() + (p.joined() ? " joined" : " left") + " (" + p.members() + " here)";
        }
        if (event instanceof ChatEvent.Welcome w) {
            return "* you are " + w.you() + " (" + w.members() + " here)";
        }
        return "* refused: " + ((ChatEvent.Refused) event).reason();
    }

    private static String json(ChatEvent event) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (event instanceof ChatEvent.Said said) {
            out.put("type", "message");
            out.put("id", said.id());
            out.put("from", said.from());
            out.put("text", said.text());
            out.put("at", said.at().toString());
        } else if (event instanceof ChatEvent.Presence p) {
            out.put("type", "presence");
            out.put("who", p.who());
            out.put("event", p.joined() ? "joined" : "left");
            out.put("members", p.members());
        } else if (event instanceof ChatEvent.Welcome w) {
            out.put("type", "welcome");
            out.put("you", w.you());
            out.put("subprotocol", w.subprotocol());
            out.put("members", w.members());
        } else {
            out.put("type", "error");
            out.put("reason", ((ChatEvent.Refused) event).reason());
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialise", e);
        }
    }
}
