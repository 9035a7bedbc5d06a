package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;

/**
 * One {@link UpgradeFilter} (or another Switchboard filter), configured in code, in front of an empty servlet on an embedded
 * Tomcat on a free loopback port: for tests of this module that need a real container but
 * not a whole web application.
 */
final class FilterOnTomcat implements AutoCloseable {

    private final Tomcat tomcat;
    private final Context context;

    private FilterOnTomcat(Tomcat tomcat, Context context) {
        this.tomcat = tomcat;
        this.context = context;
    }

    static FilterOnTomcat start(UpgradeFilter filter) throws IOException, LifecycleException {
        return start(filter, Map.of());
    }

    /** Any filter, with these context params. */
    static FilterOnTomcat start(Filter filter, Map<String, String> parameters) throws IOException, LifecycleException {
        Path base = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "filter-tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", base.toString());
        Tomcat.addServlet(context, "plain", new HttpServlet() {
            private static final long serialVersionUID = 1L;
        });
        context.addServletMapping("/", "plain");
        parameters.forEach(context::addParameter);

        FilterDef def = new FilterDef();
        def.setFilterName("upgrade");
        def.setFilter(filter);
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("upgrade");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        tomcat.start();
        return new FilterOnTomcat(tomcat, context);
    }

    int port() {
        return tomcat.getConnector().getLocalPort();
    }

    Context context() {
        return context;
    }

    /** A connection switched to {@code token}, its 101 read exactly to the blank line. */
    Socket upgraded(String token) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", tomcat.getConnector().getLocalPort()), 10_000);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: " + token
                + "\r\nConnection: upgrade\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 101 ");
        return socket;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("end of stream in the response head: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }
}
