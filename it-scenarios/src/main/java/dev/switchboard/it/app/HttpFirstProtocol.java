package dev.switchboard.it.app;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.switchboard.http.ProtocolToken;
import dev.switchboard.servlet.Decision;
import dev.switchboard.servlet.RegisterUpgradeProtocol;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeRequest;
import dev.switchboard.servlet.UpgradeSession;
import dev.switchboard.servlet.UpgradedConnection;

/**
 * {@code http-first/1}: a minimal protocol that carries HTTP semantics (RFC 9110 section
 * 7.8): the first thing it sends after the 101 is the response to the request that asked for
 * the switch, before it has read anything; then it echoes. Its 101 names the stack it runs,
 * layer-ascending: {@code Upgrade: http-first/1, HTTP/1.1}.
 */
@RegisterUpgradeProtocol
public class HttpFirstProtocol implements UpgradeProtocol {

    public static final ProtocolToken TOKEN = ProtocolToken.of("http-first", "1");

    @Override
    public List<ProtocolToken> tokens() {
        return List.of(TOKEN);
    }

    @Override
    public Decision decide(UpgradeRequest request) {
        String target = request.servletRequest().getMethod() + " " + request.servletRequest().getRequestURI();
        return Decision.switchTo(connection -> new Session(connection, target))
                .withUpgrade(TOKEN, ProtocolToken.of("HTTP", "1.1"));
    }

    /** Answers the original request first, then echoes. */
    record Session(UpgradedConnection connection, String target) implements UpgradeSession {
        @Override
        public void onOpen() {
            byte[] body = ("response to " + target).getBytes(StandardCharsets.US_ASCII);
            String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length + "\r\n\r\n";
            connection.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
            connection.write(ByteBuffer.wrap(body));
        }

        @Override
        public void onInput(ByteBuffer data) {
            connection.write(data);
        }
    }
}
