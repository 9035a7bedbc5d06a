package dev.switchboard.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The committed READMEs hold the tables the option declarations give. */
class GeneratedFilesAreCurrentTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyGeneratedTableMatchesTheDeclarations() {
        Map<Path, String> stale = OptionTables.stale(ROOT);

        assertThat(stale.keySet())
                .as("option tables that differ from the declarations; regenerate them with `%s` and commit the result",
                        OptionTables.COMMAND)
                .isEmpty();
    }
}
