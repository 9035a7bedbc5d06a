package dev.switchboard.demo.app;

import java.io.IOException;

import dev.switchboard.http.Upgrade;
import dev.switchboard.http.UpgradeRequiredException;
import dev.switchboard.servlet.Refusals;
import dev.switchboard.servlet.echo.EchoProtocol;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /echo} speaks {@code echo/1} only: an upgrade request never reaches this servlet
 * (the filter switches it), anything else gets {@code 426 Upgrade Required} naming echo/1.
 */
public class EchoEndpointServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Refusals.send(response, new UpgradeRequiredException(Upgrade.of(EchoProtocol.TOKEN),
                "/echo speaks echo/1: send Upgrade: echo/1 and Connection: upgrade, then any bytes"));
    }
}
