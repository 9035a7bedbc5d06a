package dev.switchboard.sample;

import java.io.IOException;

import dev.switchboard.http.Upgrade;
import dev.switchboard.http.UpgradeRequiredException;
import dev.switchboard.servlet.Refusals;
import dev.switchboard.servlet.echo.EchoProtocol;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The application's pages. */
@RestController
public class Pages {

    /** Reached only over TLS: Switchboard answers cleartext requests with 426 before this runs. */
    @GetMapping("/secure/")
    public String secure(HttpServletRequest request) {
        return "The secure area, reached over " + request.getScheme() + " (secure: " + request.isSecure() + ")\n";
    }

    /** {@code /echo} speaks {@code echo/1} only: upgrades never get here, anything else gets 426 naming it. */
    @RequestMapping("/echo")
    public void echo(HttpServletResponse response) throws IOException {
        Refusals.send(response, new UpgradeRequiredException(Upgrade.of(EchoProtocol.TOKEN),
                "/echo speaks echo/1: send Upgrade: echo/1 and Connection: upgrade, then any bytes"));
    }
}
