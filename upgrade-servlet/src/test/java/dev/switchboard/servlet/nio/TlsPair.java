package dev.switchboard.servlet.nio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;

/**
 * A client and a server {@link TlsDriver} over real JDK engines, with a key store that the
 * JDK's {@code keytool} makes for {@code localhost}; the client verifies the server's name.
 * Records are carried between them by {@link #pump}, in pieces of a chosen size; each side
 * records what it received, and answers {@link TlsPeer#wrapNeeded()} at once.
 */
final class TlsPair {

    private static final String PASSWORD = "switchboard";
    private static SSLContext serverContext;
    private static SSLContext clientContext;

    final End client;
    final End server;

    /** @param protocol the one protocol both engines enable, such as {@code TLSv1.3} */
    TlsPair(Path dir, String protocol, boolean serverRefusesRenegotiation) throws Exception {
        this(dir, protocol, serverRefusesRenegotiation, 0);
    }

    /** @param firstBufferSize the drivers' first buffer sizes; 0 for the engines' own */
    TlsPair(Path dir, String protocol, boolean serverRefusesRenegotiation, int firstBufferSize) throws Exception {
        contexts(dir);
        SSLEngine c = clientContext.createSSLEngine("localhost", 443);
        c.setUseClientMode(true);
        var params = c.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        params.setProtocols(new String[] {protocol});
        c.setSSLParameters(params);
        SSLEngine s = serverContext.createSSLEngine();
        s.setUseClientMode(false);
        s.setEnabledProtocols(new String[] {protocol});
        client = new End(c, false, firstBufferSize);
        server = new End(s, serverRefusesRenegotiation, firstBufferSize);
    }

    /** Begins both handshakes and carries records until neither side has any. */
    TlsPair handshake(int piece) throws IOException {
        server.driver.begin();
        client.driver.begin();
        client.driver.flush();
        pump(piece);
        return this;
    }

    /** Carries records both ways in pieces of at most {@code piece} bytes until none are left. */
    void pump(int piece) throws IOException {
        boolean moved = true;
        while (moved) {
            moved = carry(client, server, piece) | carry(server, client, piece);
        }
    }

    /** Hands {@code from}'s records so far to {@code to}. */
    static boolean carry(End from, End to, int piece) throws IOException {
        byte[] bytes = from.sent.toByteArray();
        from.sent.reset();
        for (int i = 0; i < bytes.length; i += piece) {
            to.driver.receive(ByteBuffer.wrap(bytes, i, Math.min(piece, bytes.length - i)));
        }
        return bytes.length > 0;
    }

    /** One side: its driver, the records it wrote, the plaintext it got and what it was told. */
    static final class End implements TlsPeer {
        final TlsDriver driver;
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        SSLSession session;
        int handshakesFinished;
        int wrapsNeeded;
        boolean inboundClosed;

        End(SSLEngine engine, boolean refuseRenegotiation, int firstBufferSize) {
            this.driver = firstBufferSize == 0 ? new TlsDriver(engine, this, refuseRenegotiation)
                    : new TlsDriver(engine, this, refuseRenegotiation, firstBufferSize, firstBufferSize);
        }

        @Override
        public void records(ByteBuffer records) {
            byte[] b = new byte[records.remaining()];
            records.get(b);
            sent.writeBytes(b);
        }

        @Override
        public void plaintext(ByteBuffer data) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            received.writeBytes(b);
        }

        @Override
        public void wrapNeeded() throws IOException {
            wrapsNeeded++;
            driver.flush();
        }

        @Override
        public void handshakeFinished(SSLSession negotiated) {
            session = negotiated;
            handshakesFinished++;
        }

        @Override
        public void inboundClosed() {
            inboundClosed = true;
        }

        /** Takes the records written so far. */
        byte[] takeSent() {
            byte[] b = sent.toByteArray();
            sent.reset();
            return b;
        }
    }

    private static synchronized void contexts(Path dir) throws Exception {
        if (serverContext != null) {
            return;
        }
        Path file = dir.resolve("server.p12");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-sigalg", "SHA256withECDSA", "-validity", "7", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD.toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", keys.getCertificate("server"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);
    }
}
