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
 * {@code content/1}: takes requests with content. After the 101 it first reports the content
 * it was handed ({@code content=5:hello\n}), then echoes, so a test can see that the content
 * was received whole before the switch and never mixed into the new protocol's bytes.
 */
@RegisterUpgradeProtocol
public class ContentProtocol implements UpgradeProtocol {

    public static final ProtocolToken TOKEN = ProtocolToken.of("content", "1");

    @Override
    public List<ProtocolToken> tokens() {
        return List.of(TOKEN);
    }

    @Override
    public boolean acceptsContent() {
        return true;
    }

    @Override
    public Decision decide(UpgradeRequest request) {
        return Decision.switchTo(Session::new);
    }

    /** Reports the content, then echoes. */
    record Session(UpgradedConnection connection) implements UpgradeSession {
        @Override
        public void onOpen() {
            byte[] content = connection.requestContent();
            connection.write(ByteBuffer.wrap(("content=" + content.length + ":").getBytes(StandardCharsets.US_ASCII)));
            connection.write(ByteBuffer.wrap(content));
            connection.write(ByteBuffer.wrap(new byte[] {'\n'}));
        }

        @Override
        public void onInput(ByteBuffer data) {
            connection.write(data);
        }
    }
}
