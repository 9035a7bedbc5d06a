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

    /** {@code upgrade-servlet.jar}. */
    public static JavaArchive upgradeServlet() {
        return of(dev.switchboard.servlet.UpgradeFilter.class, "upgrade-servlet.jar");
    }
}
