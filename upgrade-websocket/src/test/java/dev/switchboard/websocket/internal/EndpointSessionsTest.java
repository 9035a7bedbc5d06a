package dev.switchboard.websocket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.switchboard.servlet.UpgradeListener;
import dev.switchboard.servlet.UpgradeRegistry;
import dev.switchboard.servlet.UpgradeStatistics;
import dev.switchboard.websocket.SessionLimits;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

class EndpointSessionsTest {

    private final List<String> closes = new CopyOnWriteArrayList<>();
    private final EndpointSessions sessions;

    EndpointSessionsTest() {
        UpgradeStatistics statistics = UpgradeRegistry.standalone("sessions").statistics();
        statistics.addListener(new UpgradeListener() {
            @Override
            public void closedWith(String protocol, int code) {
                closes.add(protocol + " " + code);
            }
        });
        sessions = new EndpointSessions("/ws", SessionLimits.DEFAULT.withMaxSessions(0), statistics.forProtocol("websocket"));
    }

    /** A session that is open and accepts the limits; nothing else of it is used. */
    private static Session openSession() {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> true;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    @Test
    void aClosedSessionIsForgottenAndItsCodeReportedEvenWithoutASessionLimit() {
        Session session = openSession();
        sessions.admit(session);

        sessions.closed(session, 1000);

        assertThat(sessions.size()).isZero();
        assertThat(closes).containsExactly("websocket 1000");
    }

    @Test
    void aSecondCloseOfTheSameSessionIsNotReported() {
        Session session = openSession();
        sessions.admit(session);

        sessions.closed(session, 1000);
        sessions.closed(session, 1006);

        assertThat(closes).containsExactly("websocket 1000");
    }

    @Test
    void aSessionThatWasNeverAdmittedIsNotReported() {
        sessions.closed(openSession(), 1000);

        assertThat(closes).isEmpty();
    }
}
