package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.container.ConnectionControl;
import dev.switchboard.servlet.container.ContainerSupport;

class TransportsTest {

    private static final String LOGGED = "test.logged";

    private final Logger logger = Logger.getLogger(Transports.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Map<String, Object> attributes = new HashMap<>();
    private final ServletContext context = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getAttribute" -> attributes.get((String) args[0]);
                case "setAttribute" -> attributes.put((String) args[0], args[1]);
                case "getContextPath" -> "/app";
                default -> throw new UnsupportedOperationException(method.getName());
            });

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    @Test
    @DisplayName("asking for the container's transport where there is none warns once, naming the one used")
    void containerWithoutOwnTransportWarnsOnce() {
        Transports.report(context, TransportChoice.CONTAINER, null, "Tomcat (upgrade-tomcat)", LOGGED);
        Transports.report(context, TransportChoice.CONTAINER, null, "Tomcat (upgrade-tomcat)", LOGGED);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).getLevel()).isEqualTo(Level.WARNING);
        assertThat(records.get(0).getMessage()).isEqualTo("switchboard.transport=container but Tomcat (upgrade-tomcat)"
                + " offers no transport of its own: upgraded connections of /app run on the servlet transport");
    }

    @Test
    @DisplayName("auto with a transport of the container's own says so in one line")
    void autoWithOwnTransportSaysWhich() {
        Transports.report(context, TransportChoice.AUTO, "jetty", "adapter", LOGGED);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).getLevel()).isEqualTo(Level.INFO);
        assertThat(records.get(0).getMessage()).isEqualTo("Upgraded connections of /app run on the jetty transport"
                + " where the connector allows it, else on the servlet transport (switchboard.transport=auto)");
    }

    @Test
    @DisplayName("auto without a transport of the container's own uses the servlet one quietly, in one line")
    void autoWithoutOwnTransportIsQuiet() {
        Transports.report(context, TransportChoice.AUTO, null, "the Servlet API", LOGGED);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).getLevel()).isEqualTo(Level.INFO);
        assertThat(records.get(0).getMessage()).isEqualTo(
                "Upgraded connections of /app run on the servlet transport (switchboard.transport=auto)");
    }

    @Test
    @DisplayName("the servlet choice takes away a support's own transport")
    void servletChoiceHidesTheSupportsTransport() {
        var support = new ContainerSupport() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public ConnectionControl control(WebConnection c) {
                return ConnectionControl.PORTABLE;
            }

            @Override
            public String transportName() {
                return "own";
            }
        };
        assertThat(Transports.chosen(support, TransportChoice.SERVLET).transportName()).isNull();
        assertThat(Transports.chosen(support, TransportChoice.AUTO)).isSameAs(support);
    }

    @Test
    @DisplayName("the servlet choice takes away a support's carrier, so that sessions switch on the Servlet streams")
    void servletChoiceHidesTheSupportsCarrier() {
        var support = new ContainerSupport() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public ConnectionControl control(WebConnection c) {
                return ConnectionControl.PORTABLE;
            }

            @Override
            public Class<? extends HttpUpgradeHandler> carrier(HttpServletRequest request) {
                return HttpUpgradeHandler.class;
            }
        };
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> null);
        assertThat(Transports.chosen(support, TransportChoice.SERVLET).carrier(request)).isNull();
        assertThat(Transports.chosen(support, TransportChoice.CONTAINER).carrier(request))
                .isEqualTo(HttpUpgradeHandler.class);
    }
}
