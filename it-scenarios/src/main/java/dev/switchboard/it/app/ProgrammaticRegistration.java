package dev.switchboard.it.app;

import java.util.List;

import dev.switchboard.http.ProtocolToken;
import dev.switchboard.servlet.Decision;
import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.UpgradeRegistry;
import dev.switchboard.servlet.UpgradeRequest;
import dev.switchboard.servlet.echo.EchoSession;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Registers {@code listener-echo/1} through the programmatic API, from a listener. */
@WebListener
public class ProgrammaticRegistration implements ServletContextListener {

    public static final ProtocolToken TOKEN = ProtocolToken.of("listener-echo", "1");

    @Override
    public void contextInitialized(ServletContextEvent event) {
        UpgradeRegistry.of(event.getServletContext()).register(new UpgradeProtocol() {
            @Override
            public List<ProtocolToken> tokens() {
                return List.of(TOKEN);
            }

            @Override
            public Decision decide(UpgradeRequest request) {
                return Decision.switchTo(EchoSession::new);
            }
        });
    }
}
