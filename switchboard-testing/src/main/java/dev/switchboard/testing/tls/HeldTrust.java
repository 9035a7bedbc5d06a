package dev.switchboard.testing.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A JDK TLS client whose handshake stops where it checks the server's certificate, until
 * the test releases it: by then the server has sent its whole first flight and waits for the
 * client's {@code Finished}, so a test can look at what the server holds half way through a
 * handshake. The certificate is then checked against exactly one trusted certificate.
 */
public final class HeldTrust extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager delegate;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** Trusts {@code certificate} and nothing else. */
    public HeldTrust(X509Certificate certificate) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("trusted", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            this.delegate = (X509ExtendedTrustManager) tmf.getTrustManagers()[0];
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context that holds its handshakes here. */
    public SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a handshake has reached the certificate check; false if none did within {@code wait}. */
    public boolean awaitHeld(Duration wait) throws InterruptedException {
        return reached.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets held and later handshakes go on. */
    public void release() {
        released.countDown();
    }

    private void hold() throws CertificateException {
        reached.countDown();
        try {
            if (!released.await(60, TimeUnit.SECONDS)) {
                throw new CertificateException("the test never released the handshake");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CertificateException("interrupted while held", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        hold();
        delegate.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        hold();
        delegate.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        hold();
        delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("a client context");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("a client context");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client context");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
