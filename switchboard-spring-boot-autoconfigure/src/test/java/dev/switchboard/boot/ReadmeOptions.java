package dev.switchboard.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The options of the README's configuration tables, as rows: name, default, meaning. */
final class ReadmeOptions {

    /**
     * @param property the Boot property, kebab-case
     * @param defaultValue the default when the README gives it as a literal, else null
     * @param meaning the meaning column without Markdown
     */
    record Row(String property, String defaultValue, String meaning) {
    }

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern LITERAL_DEFAULT = Pattern.compile("^`([^`]*)`(\\s*\\([^)]*\\))?$");

    private ReadmeOptions() {
    }

    static List<Row> read() throws IOException {
        return read("## Configuration", "## What the containers do");
    }

    /** The rows of the README's tables between the headings {@code from} and {@code to}. */
    static List<Row> read(String from, String to) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf(from), readme.indexOf(to));
        List<Row> rows = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.strip().replaceAll("^\\||\\|$", "").split("\\|", 3);
            String names = cells[0].strip();
            if (names.contains("<protocol>")) {
                continue; // an open-ended family, bound by pattern
            }
            Matcher m = CODE.matcher(names);
            while (m.find()) {
                String name = m.group(1).startsWith("switchboard.") ? m.group(1) : "switchboard.websocket." + m.group(1);
                rows.add(new Row(kebabCase(name), literalDefault(cells[1].strip()), plain(cells[2].strip())));
            }
        }
        return rows;
    }

    private static String literalDefault(String cell) {
        Matcher m = LITERAL_DEFAULT.matcher(cell);
        return m.matches() && !m.group(1).startsWith("switchboard.") ? m.group(1) : null;
    }

    /** The meaning as a sentence without Markdown, as the metadata's description reads. */
    private static String plain(String meaning) {
        String s = meaning.replaceAll("\\[([^\\]]+)\\]\\([^)]+\\)", "$1").replace("`", "").strip();
        if (!meaning.startsWith("`")) {
            s = Character.toUpperCase(s.charAt(0)) + s.substring(1); // a value such as `reject` keeps its case
        }
        return s.endsWith(".") ? s : s + ".";
    }

    static String kebabCase(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
