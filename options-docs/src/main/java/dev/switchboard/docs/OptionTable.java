package dev.switchboard.docs;

import java.util.List;
import java.util.Map;

import dev.switchboard.options.Option;
import dev.switchboard.options.OptionGroup;

/**
 * The Markdown table of one or more option groups: one row per option (name, default as
 * declared, one-line description) and per {@linkplain OptionGroup.Note note}, in declaration
 * order. A group whose table names options by key shows the key alone.
 */
final class OptionTable {

    static final String HEADER = "| name | default | meaning |\n|---|---|---|\n";

    private OptionTable() {
    }

    /**
     * @param ids the groups, by id, in the order their rows appear
     * @throws IllegalArgumentException naming an id no group has
     */
    static String render(List<String> ids, Map<String, OptionGroup> groups) {
        StringBuilder out = new StringBuilder(HEADER);
        for (String id : ids) {
            OptionGroup group = groups.get(id);
            if (group == null) {
                throw new IllegalArgumentException("no option group \"" + id + "\"; there are " + groups.keySet());
            }
            for (Object row : group.rows()) {
                if (row instanceof Option<?> o) {
                    String name = group.keysInTable() ? group.key(o) : o.name();
                    line(out, "`" + name + "`", o.defaultText(), o.doc());
                } else if (row instanceof OptionGroup.Note n) {
                    line(out, n.name(), n.defaultText(), n.doc());
                }
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String name, String defaultText, String doc) {
        out.append("| ").append(name).append(" | ").append(defaultText).append(" | ").append(doc).append(" |\n");
    }
}
