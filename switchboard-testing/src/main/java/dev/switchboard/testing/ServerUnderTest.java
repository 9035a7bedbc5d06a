package dev.switchboard.testing;

import java.net.URI;

/**
 * A running server with a test application deployed, as scenarios see it: where it is and
 * which container it is. Scenarios are written once against this and run on every container.
 */
public interface ServerUnderTest {

    /** The application's base URI, ending in {@code /}, such as {@code http://127.0.0.1:18080/app/}. */
    URI base();

    /** The container serving the application. */
    Container container();

    /** The path of {@code relative} under the application, for a request line: {@code /app/echo}. */
    default String path(String relative) {
        String basePath = base().getPath();
        if (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        return basePath + relative;
    }

    /** The {@code Host} value of the base URI. */
    default String host() {
        return base().getHost() + ":" + base().getPort();
    }
}
