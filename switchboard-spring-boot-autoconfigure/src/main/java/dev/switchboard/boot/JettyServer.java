package dev.switchboard.boot;

import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells from a servlet context's {@code getServerInfo()} whether Switchboard's Jetty adapter
 * ({@code upgrade-jetty}) serves the server: Jetty 12.1 or later, whose servlet environment
 * (ee10 or ee11, Boot 4 runs ee11) the adapter then finds by itself. Boot's Tomcat says
 * {@code Apache Tomcat/11.0.29}, its Jetty {@code jetty/12.1.14}.
 */
final class JettyServer {

    private static final Pattern JETTY = Pattern.compile("^jetty/(\\d{1,4})\\.(\\d{1,4})", Pattern.CASE_INSENSITIVE);

    private static final Logger LOG = Logger.getLogger(JettyServer.class.getName());

    private JettyServer() {
    }

    /**
     * @param serverInfo the servlet context's {@code getServerInfo()}
     * @return whether it is a Jetty the adapter serves; {@code false} for every other server, and
     *     with a warning for a Jetty older than 12.1 (Boot 3.5's Jetty 12.0), whose own
     *     {@code upgrade()} then switches
     */
    static boolean adapterServes(String serverInfo) {
        Matcher m = serverInfo == null ? null : JETTY.matcher(serverInfo);
        if (m == null || !m.find()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major > 12 || major == 12 && minor >= 1) {
            return true;
        }
        LOG.warning("Switchboard's Jetty adapter needs Jetty 12.1 or later, and this is " + serverInfo
                + ": protocols switch through Jetty's own HttpServletRequest.upgrade(), which loses the input of "
                + "clients that wait for the 101 before sending. Use Tomcat, or Jetty 12.1 (Spring Boot 4).");
        return false;
    }
}
