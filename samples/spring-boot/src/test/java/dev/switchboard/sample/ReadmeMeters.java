package dev.switchboard.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The meter names the README's metrics table documents, read from the project's README (two
 * levels above a sample's directory, where its tests run). A row may name several meters: a
 * name starting with a dot shares the first name's prefix, as in
 * {@code `switchboard.tunnel.requests`, `.opened`}.
 */
final class ReadmeMeters {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private ReadmeMeters() {
    }

    /** @throws IllegalStateException if the README has no metrics table */
    static Set<String> names() throws IOException {
        String readme = Files.readString(Path.of("..", "..", "README.md"));
        int start = readme.indexOf("\n## Metrics\n");
        if (start < 0) {
            throw new IllegalStateException("The README has no section \"## Metrics\"");
        }
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> names = new TreeSet<>();
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            if (!line.startsWith("| `switchboard.")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            String prefix = null;
            Matcher m = CODE.matcher(firstCell);
            while (m.find()) {
                String name = m.group(1);
                if (prefix == null) {
                    prefix = name.substring(0, name.lastIndexOf('.'));
                }
                names.add(name.startsWith(".") ? prefix + name : name);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("The README's metrics section has no table of switchboard.* meters");
        }
        return names;
    }
}
