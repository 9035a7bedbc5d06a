package dev.switchboard.it.app;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.http.ProtocolToken;
import dev.switchboard.servlet.Decision;
import dev.switchboard.servlet.NonBlockingUpgradeHandler;
import dev.switchboard.servlet.RegisterUpgradeProtocol;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeRequest;

/**
 * {@code pair/1}: the first two connections to the same path are paired, each is told
 * {@code paired\n}, and from then on every byte one sends is written to the other, with
 * back-pressure across the pair (a reader that falls behind pauses its peer's input, through
 * {@code suspendInputUntilWritable}). The
 * shape of a chat or a relay: each connection's callbacks write to another connection.
 */
@RegisterUpgradeProtocol
public class PairProtocol implements UpgradeProtocol {

    public static final ProtocolToken TOKEN = ProtocolToken.of("pair", "1");
    private static final Map<String, Handler> WAITING = new HashMap<>();

    @Override
    public List<ProtocolToken> tokens() {
        return List.of(TOKEN);
    }

    @Override
    public Decision decide(UpgradeRequest request) {
        String room = request.servletRequest().getRequestURI();
        return Decision.switchTo(Handler.class, h -> h.room = room);
    }

    /** One side of a pair. */
    public static class Handler extends NonBlockingUpgradeHandler {
        String room;
        private volatile Handler peer;

        @Override
        protected void onOpen() {
            Handler other;
            synchronized (WAITING) {
                other = WAITING.remove(room);
                if (other == null) {
                    WAITING.put(room, this);
                    return;
                }
            }
            peer = other;
            other.peer = this;
            byte[] paired = "paired\n".getBytes(StandardCharsets.US_ASCII);
            other.write(paired, 0, paired.length);
            write(paired, 0, paired.length);
        }

        @Override
        protected void onInput(ByteBuffer data) {
            Handler p = peer;
            if (p != null && !p.write(data)) {
                suspendInputUntilWritable(p); // reading resumes when the peer's queue is down to half
            }
        }

        @Override
        protected void onClosed(Throwable cause) {
            synchronized (WAITING) {
                WAITING.remove(room, this);
            }
            Handler p = peer;
            if (p != null) {
                p.close();
            }
        }
    }
}
