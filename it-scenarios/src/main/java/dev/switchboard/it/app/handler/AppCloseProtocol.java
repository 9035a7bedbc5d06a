package dev.switchboard.it.app.handler;

import java.nio.ByteBuffer;
import java.util.List;

import dev.switchboard.http.ProtocolToken;
import dev.switchboard.servlet.Decision;
import dev.switchboard.servlet.RegisterUpgradeProtocol;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeRequest;
import dev.switchboard.servlet.UpgradedConnection;

/**
 * {@code app-close/1}: echoes, and when it reads {@code !} it asks for the connection to be
 * closed from a thread of the application's own, never from a container callback: the case
 * in which Tomcat's {@code WebConnection.close()} alone leaves the socket open.
 */
@RegisterUpgradeProtocol
public class AppCloseProtocol implements UpgradeProtocol {

    public static final ProtocolToken TOKEN = ProtocolToken.of("app-close", "1");

    /** The byte that asks for the close. */
    public static final byte CLOSE = '!';

    @Override
    public List<ProtocolToken> tokens() {
        return List.of(TOKEN);
    }

    @Override
    public Decision decide(UpgradeRequest request) {
        return Decision.switchTo(Session::new);
    }

    /** A {@link ProbeSession} that closes from an application thread on {@code !}. */
    static final class Session extends ProbeSession {
        Session(UpgradedConnection connection) {
            super(connection);
        }

        @Override
        public void onInput(ByteBuffer data) {
            for (int i = data.position(); i < data.limit(); i++) {
                if (data.get(i) == CLOSE) {
                    Thread closer = new Thread(connection::close, "application-closer");
                    closer.setDaemon(true);
                    closer.start();
                    return;
                }
            }
            super.onInput(data);
        }
    }
}
