package dev.switchboard.it.tomcat;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

import dev.switchboard.testing.Container;
import dev.switchboard.testing.ServerUnderTest;

/** A deployment on the Arquillian Tomcat, as a {@link ServerUnderTest}. */
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

    /**
     * The deployment named {@code name} that a test deploys itself (an unmanaged one, which
     * Arquillian gives no URL for before it is deployed).
     */
    static ServerUnderTest deployed(String name) {
        return new ArquillianServer(URI.create("http://127.0.0.1:" + System.getProperty("it.tomcat.port", "18080")
                + "/" + name + "/"));
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
