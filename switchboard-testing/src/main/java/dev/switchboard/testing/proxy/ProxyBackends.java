package dev.switchboard.testing.proxy;

/**
 * Where the tunnel scenarios' backends listen. The gateway's routes are deployed before any
 * test runs, so the ports are chosen once per test JVM, when this class loads: free loopback
 * ports unless a system property names one. Fixed ports would collide with any other build
 * running on the machine.
 */
public final class ProxyBackends {

    private static final int[] FREE = FreePorts.pick(4);

    /** The {@link ScriptedBackend}: {@code -Dit.proxy.rawPort}, default a free port. */
    public static final int RAW_PORT = Integer.getInteger("it.proxy.rawPort", FREE[0]);

    /** The backend Tomcat with {@code echo/1} and WebSocket: {@code -Dit.proxy.tomcatPort}, default a free port. */
    public static final int TOMCAT_PORT = Integer.getInteger("it.proxy.tomcatPort", FREE[1]);

    /** A listener that never accepts, with a full queue: {@code -Dit.proxy.blackholePort}, default a free port. */
    public static final int BLACKHOLE_PORT = Integer.getInteger("it.proxy.blackholePort", FREE[2]);

    /** A port where nothing listens: {@code -Dit.proxy.closedPort}, default a port just found free. */
    public static final int CLOSED_PORT = Integer.getInteger("it.proxy.closedPort", FREE[3]);

    /** The backend application's context path on the backend Tomcat. */
    public static final String BACKEND_CONTEXT = "backend";

    private ProxyBackends() {
    }

    /**
     * The gateway's routes: {@code /raw/} to the scripted backend with the path unchanged,
     * {@code /rewrite/} to it with the prefix replaced by {@code /base/}, {@code /tomcat/}
     * to the backend application, {@code /blackhole/} and {@code /closed/} to nowhere.
     */
    public static String routes() {
        return "/raw/ -> http://127.0.0.1:" + RAW_PORT
                + ", /rewrite/ -> http://127.0.0.1:" + RAW_PORT + "/base/"
                + ", /tomcat/ -> http://127.0.0.1:" + TOMCAT_PORT + "/" + BACKEND_CONTEXT + "/"
                + ", /blackhole/ -> http://127.0.0.1:" + BLACKHOLE_PORT
                + ", /closed/ -> http://127.0.0.1:" + CLOSED_PORT;
    }
}
