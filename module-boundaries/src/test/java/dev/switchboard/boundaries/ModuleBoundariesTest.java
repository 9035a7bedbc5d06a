package dev.switchboard.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Each Switchboard jar's API is its packages outside {@code internal}. A class may use an
 * {@code internal} package only in its own module, or where that package is shared with the
 * module by name in {@link #SHARED} (as a {@code module-info} would say {@code exports ... to}).
 * The modules are told apart by where their classes were compiled to, so a class moved into
 * another module's package is caught as well as an import.
 */
class ModuleBoundariesTest {

    /** Internal packages one module shares with another, and why. */
    private static final Map<String, Set<String>> SHARED = Map.of(
            // The connector's RFC 2817 support uses the filter's certificates and TLS session facts...
            "dev.switchboard.tls.internal.engine", Set.of("upgrade-tomcat"),
            // ...and the RFC 2817 session with its loopback link, into the internal secure connector.
            "dev.switchboard.tls.internal.bridge", Set.of("upgrade-tomcat"));

    private static final List<String> MODULES = List.of("upgrade-servlet", "upgrade-websocket",
            "upgrade-tls-filter", "upgrade-proxy", "upgrade-jetty", "upgrade-tomcat", "upgrade-micrometer",
            "switchboard-spring-boot-autoconfigure");

    private static final Pattern MODULE = Pattern.compile("/([^/]+)/target/");

    private static JavaClasses classes;

    @BeforeAll
    static void importModules() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.switchboard");
    }

    @Test
    void everyModuleIsRead() {
        Set<String> seen = new TreeSet<>();
        for (JavaClass type : classes) {
            seen.add(moduleOf(type));
        }
        assertThat(seen).containsAll(MODULES);
    }

    @Test
    void noModuleUsesAnotherModulesInternalPackages() {
        Map<String, Set<String>> violations = new TreeMap<>();
        for (JavaClass origin : classes) {
            String from = moduleOf(origin);
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                String pkg = target.getPackageName();
                if (!pkg.startsWith("dev.switchboard.") || !isInternal(pkg) || !target.getSource().isPresent()) {
                    continue;
                }
                String owner = moduleOf(target);
                if (!owner.equals(from) && !SHARED.getOrDefault(pkg, Set.of()).contains(from)) {
                    violations.computeIfAbsent(from + " -> " + owner, k -> new TreeSet<>())
                            .add(origin.getName() + " uses " + target.getName());
                }
            }
        }
        assertThat(violations).as("uses of another module's internal packages").isEmpty();
    }

    private static boolean isInternal(String pkg) {
        return pkg.endsWith(".internal") || pkg.contains(".internal.");
    }

    private static String moduleOf(JavaClass type) {
        URI location = type.getSource().orElseThrow().getUri();
        Matcher matcher = MODULE.matcher(location.toString());
        if (!matcher.find()) {
            throw new IllegalStateException(type.getName() + " was not read from a module's target: " + location);
        }
        return matcher.group(1);
    }
}
