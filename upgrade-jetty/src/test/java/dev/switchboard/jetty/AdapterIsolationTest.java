package dev.switchboard.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.ContainerUpgrade;

/**
 * upgrade-jetty lives on Jetty's classpath while upgrade-servlet lives in each web
 * application: the two meet only through a context attribute holding JDK and Jakarta types.
 */
class AdapterIsolationTest {

    @Test
    @DisplayName("the initializer installs the adapter under upgrade-servlet's attribute name")
    void attributeNamesAgree() {
        assertThat(JettyUpgradeInitializer.ATTRIBUTE).isEqualTo(ContainerUpgrade.ATTRIBUTE);
    }

    @Test
    @DisplayName("the adapter names its transport under upgrade-servlet's attribute name")
    void transportAttributeNamesAgree() {
        assertThat(JettyUpgradeInitializer.TRANSPORT_ATTRIBUTE).isEqualTo(ContainerUpgrade.TRANSPORT_ATTRIBUTE);
    }

    @Test
    @DisplayName("no class of upgrade-jetty refers to a class of upgrade-servlet")
    void noReferenceToUpgradeServlet() throws IOException, URISyntaxException {
        Path classes = Path.of(JettyUpgrade.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String constantPool = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(constantPool).as(file.toString()).doesNotContain("dev/switchboard/servlet/")
                    .doesNotContain("dev/switchboard/http/");
        }
    }
}
