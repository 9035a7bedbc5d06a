package dev.switchboard.tomcat.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The {@code tomcat} transport: connections switched to {@link TomcatCarrier} without the
 * application's runtime stay on Tomcat's poller, their events coming in Tomcat's read and
 * write events. The contract both Tomcat transports keep is {@link TransportContract}'s.
 */
class TomcatTransportTest extends TransportContract {

    @Override
    String transportName() {
        return "tomcat";
    }

    @Override
    boolean ownLoop() {
        return false;
    }

    @Override
    String contextPath() {
        return "";
    }

    @Test
    void theSupportNamesItsTransportTomcat() {
        assertThat(TomcatSupport.INSTANCE.transportName()).isEqualTo("tomcat");
    }

    @Test
    void noLoopOfSwitchboardsServesTheConnection() throws Exception {
        try (Socket s = connect("")) {
            assertThat(carried(s.getLocalPort()).transport.get(10, TimeUnit.SECONDS).loop()).isNull();
        }
    }

    /** Tomcat's poller reports a registration once: the engine reads on until a read finds nothing. */
    @Test
    void aShortReadIsNotTakenAsAllThereWas() throws Exception {
        try (Socket s = connect("")) {
            assertThat(carried(s.getLocalPort()).transport.get(10, TimeUnit.SECONDS).shortReadDrains()).isFalse();
        }
    }

    @Test
    void aRequestOtherThanHttp11IsLeftToTheServletStreams() {
        HttpServletRequest http10 = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> method.getName().equals("getProtocol") ? "HTTP/1.0" : null);
        assertThat(TomcatSupport.INSTANCE.carrier(http10)).isNull();
    }
}
