package dev.switchboard.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * nginx from the system's package, started on a loopback port as a reverse proxy for the
 * same backend, with the configuration nginx documents for WebSocket proxying (HTTP/1.1 to
 * the backend, {@code Upgrade} and {@code Connection} passed on), which carries any upgrade.
 */
public final class Nginx implements AutoCloseable {

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Nginx start(Path binary, Path dir, int port, String prefix, String backend) throws IOException,
            InterruptedException {
        Files.createDirectories(dir);
        String conf = """
                worker_processes 2;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d;
                        location %3$s {
                            proxy_pass %4$s;
                            proxy_http_version 1.1;
                            proxy_set_header Upgrade $http_upgrade;
                            proxy_set_header Connection "upgrade";
                            proxy_read_timeout 300s;
                        }
                    }
                }
                """.formatted(dir, port, prefix, backend);
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, conf);
        Process p = new ProcessBuilder(List.of(binary.toString(), "-p", dir.toString(), "-c", file.toString(),
                "-g", "daemon off;")).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new Nginx(p, port);
            } catch (IOException e) {
                if (!p.isAlive()) {
                    throw new IOException("nginx exited: " + Files.readString(dir.resolve("stdout.log")));
                }
                Thread.sleep(100);
            }
        }
        p.destroy();
        throw new IOException("nginx did not listen on " + port);
    }

    /** The master process, whose descendants are the workers. */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    /** nginx's version line, such as {@code nginx version: nginx/1.22.1}. */
    public static String version(Path binary) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary.toString(), "-v").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
