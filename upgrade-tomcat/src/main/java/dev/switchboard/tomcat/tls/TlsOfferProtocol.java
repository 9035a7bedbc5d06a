package dev.switchboard.tomcat.tls;

import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

import org.apache.coyote.Adapter;
import org.apache.coyote.Processor;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.coyote.UpgradeProtocol;
import org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler;
import org.apache.tomcat.util.http.MimeHeaders;
import org.apache.tomcat.util.net.SocketWrapperBase;

import dev.switchboard.http.HttpVersion;
import dev.switchboard.servlet.ContainerUpgrade;
import dev.switchboard.servlet.HandlerOptions;
import dev.switchboard.tls.internal.bridge.Rfc2817Session;
import dev.switchboard.tls.internal.engine.KeyMaterial;
import jakarta.servlet.http.HttpUpgradeHandler;

/**
 * One exact {@code Upgrade} value that the connector answers with RFC 2817's mandatory upgrade.
 * Tomcat looks upgrade protocols up by the whole {@code Upgrade} field of a request, so each
 * string a client sends ({@code TLS/1.2,TLS/1.1,TLS/1.0}, {@code TLS/1.2}, ...) is one instance;
 * all of a connector's share one {@link ConnectorTls}.
 *
 * <p>Accepts only the mandatory form: {@code OPTIONS *}, HTTP/1.1, one {@code Upgrade} line, no
 * content. Anything else goes on to the web applications as if this protocol were absent.
 * Tomcat itself then writes a 101 naming the client's whole offer; this class commits the 101
 * first, with the token switched to and {@code HTTP/1.1} above it (RFC 9110 section 7.8: the
 * protocols switched to, bottom-up), so Tomcat's headers are never sent.
 */
final class TlsOfferProtocol implements UpgradeProtocol {

    private static final Logger LOG = Logger.getLogger(TlsOfferProtocol.class.getName());

    /** Request fields not passed on with the upgraded request: they were for the hop that ended. */
    private static final Set<String> HOP_FIELDS = Set.of("upgrade", "connection", "keep-alive", "http2-settings",
            "content-length", "transfer-encoding", "te", "expect");

    private final ConnectorTls owner;
    private final String offer;
    private final String upgradeValue;

    TlsOfferProtocol(ConnectorTls owner, String offer) {
        this.owner = owner;
        this.offer = offer;
        String first = offer.split(",", 2)[0].trim();
        if (!first.toUpperCase(Locale.ROOT).startsWith("TLS/") || first.length() <= 4) {
            throw new IllegalArgumentException("expected an offer that starts with TLS/x but was \"" + offer + "\"");
        }
        this.upgradeValue = "TLS/" + first.substring(4) + ", HTTP/1.1";
    }

    String offer() {
        return offer;
    }

    /** The exact offer, on cleartext connectors only: a TLS connector has nothing to upgrade. */
    @Override
    public String getHttpUpgradeName(boolean isSSLEnabled) {
        return isSSLEnabled ? null : offer;
    }

    @Override
    public byte[] getAlpnIdentifier() {
        return null;
    }

    @Override
    public String getAlpnName() {
        return null;
    }

    @Override
    public Processor getProcessor(SocketWrapperBase<?> socketWrapper, Adapter adapter) {
        return null;
    }

    @Override
    public boolean accept(Request request) {
        if (!isMandatoryForm(request)) {
            return false;
        }
        RunningConnectorTls running = owner.running();
        if (running == null || running.endpoint().full()) {
            LOG.fine("RFC 2817 upgrade not offered: the connector is not running or has no room");
            return false;
        }
        Response response = request.getResponse();
        response.setStatus(101);
        response.setHeader("Upgrade", upgradeValue);
        response.setHeader("Connection", "upgrade");
        response.commit(); // Tomcat would name the whole offer; what is committed is what the client reads
        return true;
    }

    /** {@code OPTIONS *} over HTTP/1.1 (or a later 1.x) with one {@code Upgrade} line and no content. */
    static boolean isMandatoryForm(Request request) {
        if (!"OPTIONS".equals(request.method().toString()) || !"*".equals(request.requestURI().toString())
                || !HttpVersion.allowsUpgrade(request.protocol().toString())) {
            return false;
        }
        MimeHeaders headers = request.getMimeHeaders();
        if (headers.getValue("content-length") != null || headers.getValue("transfer-encoding") != null) {
            return false;
        }
        int upgrades = 0;
        for (Enumeration<String> e = headers.values("upgrade"); e.hasMoreElements(); e.nextElement()) {
            upgrades++;
        }
        return upgrades == 1;
    }

    @Override
    public InternalHttpUpgradeHandler getInternalUpgradeHandler(SocketWrapperBase<?> socketWrapper, Adapter adapter,
            Request request) {
        RunningConnectorTls running = owner.running();
        Bridge client = new Bridge(socketWrapper.getRemoteAddr(), socketWrapper.getRemotePort(),
                socketWrapper.getLocalAddr(), socketWrapper.getLocalName(), socketWrapper.getLocalPort(), null);
        ConnectorSide side = new ConnectorSide(running.bridges(), running.internalAddress(), client);
        String host = KeyMaterial.hostOf(request.getHeader("host"));
        byte[] first = firstRequest(request);
        HttpUpgradeHandler handler = ContainerUpgrade.handlerFor(connection -> new Rfc2817Session(connection,
                running.endpoint(), side, host, client.clientAddress(), client.clientPort(), first),
                running.statistics(), HandlerOptions.DEFAULT, running.scheduler());
        return new HostedUpgrade(handler, socketWrapper, offer);
    }

    /** The request as the container should see it over TLS: its head without the upgrade's hop fields. */
    static byte[] firstRequest(Request request) {
        StringBuilder head = new StringBuilder(256);
        // Tomcat's copy of the request for the upgrade has no protocol; only HTTP/1.1 is accepted.
        head.append(request.method()).append(' ').append(request.requestURI()).append(" HTTP/1.1\r\n");
        MimeHeaders headers = request.getMimeHeaders();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.getName(i).toString();
            if (!HOP_FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
                head.append(name).append(": ").append(headers.getValue(i)).append("\r\n");
            }
        }
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return "RFC 2817 " + offer;
    }
}
