package dev.switchboard.tls;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.it.EmbeddedTomcat;
import dev.switchboard.it.RawConnection;
import dev.switchboard.it.ResponseHead;
import dev.switchboard.it.ServerUnderTest;
import dev.switchboard.it.TlsDeployments;
import dev.switchboard.it.tls.Rfc2817Client;
import dev.switchboard.it.tls.TestKeyStore;

class ScratchConfidentialTest {

    static final String CONSTRAINT = "<security-constraint><web-resource-collection><web-resource-name>c</web-resource-name>"
            + "<url-pattern>/conf/*</url-pattern></web-resource-collection>"
            + "<user-data-constraint><transport-guarantee>CONFIDENTIAL</transport-guarantee></user-data-constraint>"
            + "</security-constraint>\n";

    @Test
    void probe() throws Exception {
        try (EmbeddedTomcat tomcat = EmbeddedTomcat.start(TlsDeployments.tlsApp("tls", Map.of(), CONSTRAINT))) {
            ServerUnderTest s = tomcat.server();
            try (RawConnection c = RawConnection.open(s.base())) {
                c.send("GET " + s.path("conf/page") + " HTTP/1.1\r\nHost: " + s.host() + "\r\n\r\n");
                RawConnection.Response r = c.readResponse();
                System.out.println("CLEARTEXT:\n" + r.head() + r.bodyText());
            }
            try (RawConnection c = RawConnection.open(s.base())) {
                c.send("GET " + s.path("executions") + " HTTP/1.1\r\nHost: " + s.host() + "\r\n\r\n");
                System.out.println("EXEC:\n" + c.readResponse().bodyText());
            }
            try (RawConnection c = RawConnection.open(s.base())) {
                c.send("GET " + s.path("conf/page") + " HTTP/1.1\r\nHost: " + s.host()
                        + "\r\nUpgrade: TLS/1.2\r\nConnection: upgrade\r\n\r\n");
                RawConnection.Response r = c.readResponse();
                System.out.println("UPGRADE ON CONF:\n" + r.head() + r.bodyText());
            }
            try (RawConnection c = RawConnection.open(s.base())) {
                c.send("GET " + s.path("secure/page") + " HTTP/1.1\r\nHost: " + s.host()
                        + "\r\nUpgrade: TLS/1.2\r\nConnection: upgrade\r\n\r\n");
                ResponseHead head = c.readHead();
                RawConnection tls = Rfc2817Client.startTls(c, TestKeyStore.shared().clientContext(), "127.0.0.1",
                        s.base().getPort());
                tls.readResponse();
                tls.send("GET " + s.path("conf/page") + " HTTP/1.1\r\nHost: " + s.host() + "\r\n\r\n");
                RawConnection.Response r = tls.readResponse();
                System.out.println("BRIDGED CONF:\n" + r.head() + r.bodyText());
            }
        }
    }
}
