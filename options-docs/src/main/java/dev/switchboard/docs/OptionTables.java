package dev.switchboard.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.switchboard.options.OptionCatalog;
import dev.switchboard.options.OptionGroup;

/**
 * Rewrites the configuration tables of the project's READMEs, and the Spring Boot starter's
 * configuration metadata, from the option declarations of every module on the class path
 * ({@link OptionCatalog}). Run from the project root:
 *
 * <pre>
 * ./mvnw -q -pl options-docs -am test-compile exec:java
 * </pre>
 *
 * The build's tests fail, naming this command, when a committed README differs from what it
 * would write.
 */
public final class OptionTables {

    /** The command that regenerates every generated file. */
    public static final String COMMAND = "./mvnw -q -pl options-docs -am test-compile exec:java";

    private OptionTables() {
    }

    /** Rewrites the stale files under the project root {@code args[0]} and lists them. */
    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Map<Path, String> stale = stale(root);
        for (Map.Entry<Path, String> e : stale.entrySet()) {
            write(e.getKey(), e.getValue());
            System.out.println("rewrote " + root.relativize(e.getKey()));
        }
        if (stale.isEmpty()) {
            System.out.println("every generated file is current");
        }
    }

    /** Every option group of the class path, by id. */
    static Map<String, OptionGroup> groups() {
        Map<String, OptionGroup> byId = new LinkedHashMap<>();
        for (OptionGroup g : OptionCatalog.load(OptionTables.class.getClassLoader())) {
            if (byId.put(g.id(), g) != null) {
                throw new IllegalStateException("two option groups are called " + g.id());
            }
        }
        return byId;
    }

    /** The files under {@code root} whose generated parts are stale, with what they should hold. */
    static Map<Path, String> stale(Path root) {
        Map<String, OptionGroup> groups = groups();
        Map<Path, String> out = new LinkedHashMap<>();
        Path metadata = root.resolve(SpringMetadata.FILE);
        if (Files.isRegularFile(metadata)) {
            String now = read(metadata);
            String wanted = SpringMetadata.regenerate(now, List.copyOf(groups.values()));
            if (!wanted.equals(now)) {
                out.put(metadata, wanted);
            }
        }
        for (Path readme : readmes(root)) {
            String now = read(readme);
            if (GeneratedBlocks.present(now)) {
                String wanted = GeneratedBlocks.regenerate(now, groups);
                if (!wanted.equals(now)) {
                    out.put(readme, wanted);
                }
            }
        }
        return out;
    }

    /** {@code README.md} and each module's, in a stable order. */
    static List<Path> readmes(Path root) {
        List<Path> out = new ArrayList<>();
        out.add(root.resolve("README.md"));
        try (Stream<Path> modules = Files.list(root)) {
            modules.map(m -> m.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
