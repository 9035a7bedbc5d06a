package dev.switchboard.it.tomcat;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

import dev.switchboard.it.Container;
import dev.switchboard.it.ServerUnderTest;

/** The deployment Arquillian injected, as a {@link ServerUnderTest}. */
final class ArquillianServer implements ServerUnderTest {

    private final URI base;
    private final Container container = Container.tomcat();

    private ArquillianServer(URI base) {
        this.base = base;
    }

    static ServerUnderTest of(URL url) {
        try {
            String s = url.toURI().toString();
            return new ArquillianServer(new URI(s.endsWith("/") ? s : s + "/"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public Container container() {
        return container;
    }
}
