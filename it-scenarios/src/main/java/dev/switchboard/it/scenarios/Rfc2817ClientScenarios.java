package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.RequestUpgrade;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.ServerUnderTest;
import dev.switchboard.testing.WireTap;
import dev.switchboard.testing.tls.ConnectorKeys;
import dev.switchboard.testing.tls.TestKeyStore;

/**
 * RFC 2817 at the connector with clients this project did not write: CUPS' {@code ipptool -E}
 * (an IPP {@code Get-Printer-Attributes} to the test application's IPP printer over the
 * upgraded connection) and Apache HttpClient 5's protocol upgrade (HTTPCLIENT-751). A
 * {@link WireTap} between client and server records the head each client sent, which the
 * tests check and print. Deploy {@link ConnectorTlsScenarios#deployment()}.
 */
public interface Rfc2817ClientScenarios {

    /** The cleartext connector that serves RFC 2817 at the connector. */
    ServerUnderTest rfc2817();

    @Test
    @DisplayName("TLS-12 ipptool -E upgrades with OPTIONS * and gets printer attributes over TLS")
    default void ipptoolUpgradesAndGetsPrinterAttributes() throws Exception {
        Path ipptool = Path.of("/usr/bin/ipptool");
        assumeTrue(Files.isExecutable(ipptool), "ipptool is not installed (Debian cups-ipp-utils; .ci/install-tools)");
        ServerUnderTest s = rfc2817();
        try (WireTap tap = WireTap.to(s.base().getPort())) {
            String uri = "ipp://127.0.0.1:" + tap.port() + s.path("print");
            Path log = Files.createTempFile("ipptool", ".txt");
            Process p = new ProcessBuilder(ipptool.toString(), "-E", "-T", "10", "-tv", uri,
                    "get-printer-attributes.test").redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = p.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
            }
            String output = Files.readString(log);
            Files.delete(log);
            System.out.println("ipptool sent:\n" + tap.requestHeads().get(0) + "and got:\n" + tap.responseHeads().get(0)
                    + "ipptool said:\n" + output);
            assertThat(ended).as("ipptool ended within 60 s").isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(tap.requestHeads().get(0)).startsWith("OPTIONS * HTTP/1.1\r\n")
                    .contains("\r\nUpgrade: TLS/1.2,TLS/1.1,TLS/1.0\r\n").containsIgnoringCase("\r\nConnection: upgrade\r\n");
            assertThat(output).contains("uri-security-supported (keyword) = tls");
        }
    }

    @Test
    @DisplayName("TLS-12 Apache HttpClient 5 upgrades OPTIONS * to TLS and goes on over TLS on the same connection")
    default void httpClientUpgradesAndGoesOnOverTls() throws Exception {
        ServerUnderTest s = rfc2817();
        TestKeyStore keys = ConnectorKeys.store();
        SSLContext trust = TestKeyStore.clientContextTrusting(keys.certificate(TestKeyStore.ALIAS));
        try (WireTap tap = WireTap.to(s.base().getPort());
                CloseableHttpClient client = HttpClients.custom()
                        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                                .setTlsSocketStrategy(new DefaultClientTlsStrategy(trust, NoopHostnameVerifier.INSTANCE))
                                .setMaxConnTotal(1).build())
                        .setDefaultRequestConfig(RequestConfig.custom().setProtocolUpgradeEnabled(true).build())
                        // The classic client's default chain adds Connection: keep-alive before its own
                        // RequestUpgrade, which then leaves the request alone; the chain keeps one
                        // interceptor per class, so RequestUpgrade runs first from a wrapper.
                        .addRequestInterceptorFirst((HttpRequestInterceptor) (request, entity, context) ->
                                new RequestUpgrade().process(request, entity, context))
                        .build()) {
            HttpHost target = new HttpHost("http", "127.0.0.1", tap.port());
            int options = client.execute(target, new BasicClassicHttpRequest("OPTIONS", "*"), r -> {
                EntityUtils.consume(r.getEntity());
                return r.getCode();
            });
            String page = client.execute(target, new BasicClassicHttpRequest("GET", s.path("secure/page")),
                    r -> r.getCode() + "\n" + EntityUtils.toString(r.getEntity()));
            System.out.println("HttpClient sent:\n" + String.join("---\n", tap.requestHeads()));
            assertThat(tap.requestHeads().get(0)).startsWith("OPTIONS * HTTP/1.1\r\n")
                    .contains("\r\nUpgrade: TLS/1.2\r\n").containsIgnoringCase("\r\nConnection: upgrade\r\n");
            assertThat(options).isIn(200, 404);
            assertThat(page).startsWith("200\n").contains("\nsecure: true\n");
            assertThat(tap.requestHeads()).hasSize(1);
        } catch (IOException e) {
            throw new AssertionError("HttpClient failed", e);
        }
    }
}
