package dev.switchboard.it.app;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.http.ProtocolToken;
import dev.switchboard.servlet.Decision;
import dev.switchboard.servlet.RegisterUpgradeProtocol;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeRequest;
import dev.switchboard.servlet.UpgradeSession;
import dev.switchboard.servlet.UpgradedConnection;

/**
 * {@code pair/1}: the first two connections to the same path are paired, each is told
 * {@code paired\n}, and from then on every byte one sends is written to the other, with
 * back-pressure across the pair (a reader that falls behind pauses its peer's input, through
 * {@code suspendInputUntilWritable}). The shape of a chat or a relay: each connection's
 * callbacks write to another connection.
 */
@RegisterUpgradeProtocol
public class PairProtocol implements UpgradeProtocol {

    public static final ProtocolToken TOKEN = ProtocolToken.of("pair", "1");
    private static final Map<String, Side> WAITING = new HashMap<>();

    @Override
    public List<ProtocolToken> tokens() {
        return List.of(TOKEN);
    }

    @Override
    public Decision decide(UpgradeRequest request) {
        String room = request.servletRequest().getRequestURI();
        return Decision.switchTo(connection -> new Side(connection, room));
    }

    /** One side of a pair. */
    static final class Side implements UpgradeSession {
        private final UpgradedConnection connection;
        private final String room;
        private volatile Side peer;

        Side(UpgradedConnection connection, String room) {
            this.connection = connection;
            this.room = room;
        }

        @Override
        public void onOpen() {
            Side other;
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
            other.connection.write(paired, 0, paired.length);
            connection.write(paired, 0, paired.length);
        }

        @Override
        public void onInput(ByteBuffer data) {
            Side p = peer;
            if (p != null && !p.connection.write(data)) {
                connection.suspendInputUntilWritable(p.connection); // reading resumes when the peer is down to half
            }
        }

        @Override
        public void onClosed(Throwable cause) {
            synchronized (WAITING) {
                WAITING.remove(room, this);
            }
            Side p = peer;
            if (p != null) {
                p.connection.close();
            }
        }
    }
}
