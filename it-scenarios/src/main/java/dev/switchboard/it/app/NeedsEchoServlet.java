package dev.switchboard.it.app;

import java.io.IOException;

import dev.switchboard.http.Upgrade;
import dev.switchboard.http.UpgradeRequiredException;
import dev.switchboard.servlet.Refusals;
import dev.switchboard.servlet.echo.EchoProtocol;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A resource only served after a switch to {@code echo/1}: anything that reaches it gets a 426. */
public class NeedsEchoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Refusals.send(response, new UpgradeRequiredException(Upgrade.of(EchoProtocol.TOKEN),
                "This resource speaks echo/1 only: send Upgrade: echo/1 with Connection: upgrade"));
    }
}
