package dev.switchboard.it.app;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.switchboard.http.ProtocolToken;
import dev.switchboard.servlet.Decision;
import dev.switchboard.servlet.NonBlockingUpgradeHandler;
import dev.switchboard.servlet.RegisterUpgradeProtocol;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeRequest;

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
        return Decision.switchTo(Handler.class);
    }

    /** Reports the content, then echoes. */
    public static class Handler extends NonBlockingUpgradeHandler {
        @Override
        protected void onOpen() {
            byte[] content = requestContent();
            write(ByteBuffer.wrap(("content=" + content.length + ":").getBytes(StandardCharsets.US_ASCII)));
            write(ByteBuffer.wrap(content));
            write(ByteBuffer.wrap(new byte[] {'\n'}));
        }

        @Override
        protected void onInput(ByteBuffer data) {
            write(data);
        }
    }
}
