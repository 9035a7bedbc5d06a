package dev.switchboard.it;

import java.io.File;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * The real Switchboard jars, as built by this reactor, for {@code WEB-INF/lib}. A module is
 * found through one of its classes: its jar when Maven has packaged it (integration tests),
 * or its {@code target/classes} folder packed as a jar (unit-test phase).
 */
public final class LibraryJars {

    private LibraryJars() {
    }

    /** The module that contains {@code marker}, as a jar named {@code name}. */
    public static JavaArchive of(Class<?> marker, String name) {
        File location;
        try {
            location = new File(marker.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (location.isFile() && location.getName().toLowerCase(Locale.ROOT).endsWith(".jar")) {
            return ShrinkWrap.create(ZipImporter.class, name).importFrom(location).as(JavaArchive.class);
        }
        return ShrinkWrap.create(ExplodedImporter.class, name).importDirectory(location).as(JavaArchive.class);
    }

    /**
     * The module that contains the class named {@code markerClassName}, as a jar named
     * {@code name}: for modules that this one cannot depend on (they depend on it for their
     * tests), found on the caller's class path at run time.
     *
     * @throws IllegalStateException if the class is not on the class path
     */
    public static JavaArchive of(String markerClassName, String name) {
        try {
            return of(Class.forName(markerClassName, false, LibraryJars.class.getClassLoader()), name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(markerClassName + " is not on the class path: add the module that holds it"
                    + " as a test dependency", e);
        }
    }

    /** {@code upgrade-tls-filter.jar}; the caller's class path must hold that module. */
    public static JavaArchive upgradeTlsFilter() {
        return of("dev.switchboard.tls.TlsPolicyFilter", "upgrade-tls-filter.jar");
    }

    /**
     * The system property that gives the path of the {@code upgrade-websocket} jar (or classes
     * folder) to suites that keep it off their own class path.
     */
    public static final String UPGRADE_WEBSOCKET_PROPERTY = "switchboard.jar.upgrade-websocket";

    /** The module at {@code path} (a jar or a classes folder), as a jar named {@code name}. */
    public static JavaArchive at(File path, String name) {
        if (path.isFile()) {
            return ShrinkWrap.create(ZipImporter.class, name).importFrom(path).as(JavaArchive.class);
        }
        if (path.isDirectory()) {
            return ShrinkWrap.create(ExplodedImporter.class, name).importDirectory(path).as(JavaArchive.class);
        }
        throw new IllegalStateException(path + " is neither a jar nor a folder: has the module been built?");
    }

    /**
     * {@code upgrade-websocket.jar}: from {@value #UPGRADE_WEBSOCKET_PROPERTY} when set, else from
     * the class path. Integration suites set the property and keep the module off their class
     * path, because the container would otherwise find its initializer and service files in
     * every application it deploys, including those built without it.
     */
    public static JavaArchive upgradeWebSocket() {
        String path = System.getProperty(UPGRADE_WEBSOCKET_PROPERTY);
        if (path != null && !path.isBlank()) {
            return at(new File(path), "upgrade-websocket.jar");
        }
        try {
            return of(Class.forName("dev.switchboard.websocket.WebSocketProtocol"), "upgrade-websocket.jar");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("upgrade-websocket is neither on the class path nor named by -D"
                    + UPGRADE_WEBSOCKET_PROPERTY, e);
        }
    }

    /**
     * The container support that goes beside {@code upgrade-servlet.jar}, as users install it:
     * {@code upgrade-tomcat.jar} when that module is on the class path (the Tomcat suites),
     * else nothing. The seam finds it in the application's own class loader, so a copy on the
     * container's class path alone is not seen by an application with its own
     * {@code upgrade-servlet.jar}.
     */
    public static JavaArchive[] containerSupport() {
        try {
            return new JavaArchive[] {of(Class.forName("dev.switchboard.tomcat.container.TomcatSupportProvider", false,
                    LibraryJars.class.getClassLoader()), "upgrade-tomcat.jar")};
        } catch (ClassNotFoundException e) {
            return new JavaArchive[0];
        }
    }

    /** {@code upgrade-servlet.jar}. */
    public static JavaArchive upgradeServlet() {
        return of(dev.switchboard.servlet.UpgradeFilter.class, "upgrade-servlet.jar");
    }
}
