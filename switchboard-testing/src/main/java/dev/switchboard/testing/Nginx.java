package dev.switchboard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.switchboard.testing.tls.TestKeyStore;

/**
 * nginx from the system's package ({@code apt-get install nginx}), started as a reverse proxy
 * in front of one backend with the configuration {@link #config} writes: a cleartext and a
 * TLS listener that pass upgrades on (HTTP/1.1 to the backend, {@code Upgrade} and
 * {@code Connection} set) and say what they saw in {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto}, connecting to the backend from {@link #TRUSTED_ADDRESS}; and a
 * second TLS listener that does the same from {@link #OTHER_ADDRESS}. All on free loopback
 * ports, in a folder of its own.
 */
public final class Nginx implements AutoCloseable {

    /** The loopback address nginx connects to the backend from, on its first two listeners. */
    public static final String TRUSTED_ADDRESS = "127.0.0.2";

    /** The loopback address nginx connects to the backend from, on its other TLS listener. */
    public static final String OTHER_ADDRESS = "127.0.0.3";

    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Process process;
    private final Path dir;
    private final int plainPort;
    private final int tlsPort;
    private final int otherTlsPort;

    private Nginx(Process process, Path dir, int plainPort, int tlsPort, int otherTlsPort) {
        this.process = process;
        this.dir = dir;
        this.plainPort = plainPort;
        this.tlsPort = tlsPort;
        this.otherTlsPort = otherTlsPort;
    }

    /** Starts nginx in front of {@code backendPort} on 127.0.0.1, with TLS from {@code keys}. */
    public static Nginx start(int backendPort, TestKeyStore keys) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "nginx");
        writePem(keys, dir);
        int plain = freePort();
        int tls = freePort();
        int otherTls = freePort();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, config(dir, backendPort, plain, tls, otherTls));
        Process process = new ProcessBuilder(List.of(binary(), "-p", dir.toString(), "-c", conf.toString(),
                "-g", "daemon off;")).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        Nginx nginx = new Nginx(process, dir, plain, tls, otherTls);
        try {
            nginx.awaitListening();
        } catch (IOException | RuntimeException e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    /**
     * The configuration: nginx's documented WebSocket proxying, with {@code Connection} taken
     * from a {@code map} so that requests without {@code Upgrade} are not marked as upgrades.
     */
    static String config(Path dir, int backendPort, int plainPort, int tlsPort, int otherTlsPort) {
        return """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    ssl_certificate %1$s/cert.pem;
                    ssl_certificate_key %1$s/key.pem;

                    map $http_upgrade $connection_upgrade {
                        default upgrade;
                        ''      close;
                    }

                    server {
                        listen 127.0.0.1:%3$d;
                        listen 127.0.0.1:%4$d ssl;
                        location / {
                            proxy_pass http://127.0.0.1:%2$d;
                            proxy_bind %6$s;
                            %7$s
                        }
                    }
                    server {
                        listen 127.0.0.1:%5$d ssl;
                        location / {
                            proxy_pass http://127.0.0.1:%2$d;
                            proxy_bind %8$s;
                            %7$s
                        }
                    }
                }
                """.formatted(dir, backendPort, plainPort, tlsPort, otherTlsPort, TRUSTED_ADDRESS, PROXYING,
                OTHER_ADDRESS);
    }

    /** What each location sets: the lines the README shows. */
    private static final String PROXYING = """
            proxy_http_version 1.1;
                            proxy_set_header Host $http_host;
                            proxy_set_header Upgrade $http_upgrade;
                            proxy_set_header Connection $connection_upgrade;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_read_timeout 60s;""";

    /** The cleartext listener. */
    public int plainPort() {
        return plainPort;
    }

    /** The TLS listener that connects to the backend from {@link #TRUSTED_ADDRESS}. */
    public int tlsPort() {
        return tlsPort;
    }

    /** The TLS listener that connects to the backend from {@link #OTHER_ADDRESS}. */
    public int otherTlsPort() {
        return otherTlsPort;
    }

    /** nginx's error log, for failure messages. */
    public String errorLog() throws IOException {
        Path log = dir.resolve("error.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(none)";
    }

    /** Stops nginx and its workers, forcibly after 10 seconds. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (process.waitFor(10, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        for (int port : new int[] {plainPort, tlsPort, otherTlsPort}) {
            while (true) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    break;
                } catch (IOException e) {
                    if (!process.isAlive()) {
                        throw new IOException("nginx exited: " + Files.readString(dir.resolve("stdout.log")) + errorLog());
                    }
                    if (Instant.now().isAfter(deadline)) {
                        throw new IOException("nginx did not listen on " + port + " within " + STARTUP + ": " + errorLog());
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    private static String binary() {
        Path debian = Path.of("/usr/sbin/nginx");
        return Files.isExecutable(debian) ? debian.toString() : "nginx";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The key and certificate of {@code keys} as the PEM files nginx reads. */
    private static void writePem(TestKeyStore keys, Path dir) throws IOException {
        try (InputStream in = Files.newInputStream(keys.file())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, keys.password().toCharArray());
            Key key = store.getKey(TestKeyStore.ALIAS, keys.password().toCharArray());
            Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));
            Files.writeString(dir.resolve("cert.pem"),
                    pem("CERTIFICATE", store.getCertificate(TestKeyStore.ALIAS).getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the test key store", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
