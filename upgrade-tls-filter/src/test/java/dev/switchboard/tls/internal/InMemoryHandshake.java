package dev.switchboard.tls.internal;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Runs a TLS handshake between a server engine and a JDK client engine in memory, to see what the server presents. */
final class InMemoryHandshake {

    private InMemoryHandshake() {
    }

    static X509Certificate serverCertificate(SSLEngine server) throws Exception {
        return serverCertificate(server, null);
    }

    /**
     * The certificate {@code server} presents to a client that sends {@code sni} as its SNI
     * name (none when null); null when the handshake ends without one.
     */
    static X509Certificate serverCertificate(SSLEngine server, String sni) throws Exception {
        AtomicReference<X509Certificate> seen = new AtomicReference<>();
        X509TrustManager recording = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                seen.set(chain[0]);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, new TrustManager[] {recording}, null);
        SSLEngine client = clientContext.createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        SSLParameters params = client.getSSLParameters();
        params.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
        client.setSSLParameters(params);
        server.setUseClientMode(false);
        int packet = 64 * 1024;
        ByteBuffer toServer = ByteBuffer.allocate(packet);
        ByteBuffer toClient = ByteBuffer.allocate(packet);
        ByteBuffer app = ByteBuffer.allocate(packet);
        ByteBuffer empty = ByteBuffer.allocate(0);
        client.beginHandshake();
        server.beginHandshake();
        try {
            for (int round = 0; round < 100 && seen.get() == null; round++) {
                step(client, empty, toServer, toClient, app);
                step(server, empty, toClient, toServer, app);
            }
        } catch (SSLException e) {
            return null; // the handshake was refused
        }
        return seen.get();
    }

    /** Lets {@code engine} write into {@code out} and read from {@code in} as its handshake needs. */
    private static void step(SSLEngine engine, ByteBuffer empty, ByteBuffer out, ByteBuffer in, ByteBuffer app)
            throws Exception {
        HandshakeStatus hs = engine.getHandshakeStatus();
        if (hs == HandshakeStatus.NEED_TASK) {
            Runnable t;
            while ((t = engine.getDelegatedTask()) != null) {
                t.run();
            }
        } else if (hs == HandshakeStatus.NEED_WRAP) {
            engine.wrap(empty, out);
        } else if (hs == HandshakeStatus.NEED_UNWRAP && in.position() > 0) {
            in.flip();
            app.clear();
            engine.unwrap(in, app);
            in.compact();
        }
    }
}
