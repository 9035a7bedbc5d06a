package dev.switchboard.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The committed READMEs and Boot metadata hold what the option declarations give. */
class GeneratedFilesAreCurrentTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyGeneratedFileMatchesTheDeclarations() {
        List<String> stale = new ArrayList<>();
        for (Map.Entry<Path, String> e : OptionTables.stale(ROOT).entrySet()) {
            stale.add(ROOT.relativize(e.getKey()) + firstDifference(OptionTables.read(e.getKey()), e.getValue()));
        }

        assertThat(stale).as("files that differ from the option declarations; regenerate them with `%s` and commit "
                + "the result", OptionTables.COMMAND).isEmpty();
    }

    /** Where two texts first differ, as {@code line N: "committed" should be "generated"}. */
    private static String firstDifference(String committed, String generated) {
        String[] a = committed.split("\n", -1);
        String[] b = generated.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "";
            String y = i < b.length ? b[i] : "";
            if (!x.equals(y)) {
                return " line " + (i + 1) + ": \"" + x + "\" should be \"" + y + "\"";
            }
        }
        return "";
    }
}
