package dev.switchboard.docs;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.options.OptionGroup;

/**
 * The generated parts of a Markdown file: whatever lies between a start marker naming option
 * groups and the end marker is replaced by those groups' {@link OptionTable}.
 *
 * <pre>
 * &lt;!-- options: tls-policy --&gt;
 * | name | default | meaning |
 * ...
 * &lt;!-- /options --&gt;
 * </pre>
 */
final class GeneratedBlocks {

    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- options: ([a-z0-9 -]+) -->\n)(.*?)(<!-- /options -->)", Pattern.DOTALL);

    private GeneratedBlocks() {
    }

    /** Whether {@code markdown} has any generated block. */
    static boolean present(String markdown) {
        return BLOCK.matcher(markdown).find();
    }

    /**
     * {@code markdown} with every block regenerated from {@code groups}.
     *
     * @throws IllegalArgumentException if a marker names a group that does not exist
     */
    static String regenerate(String markdown, Map<String, OptionGroup> groups) {
        Matcher m = BLOCK.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> ids = Arrays.asList(m.group(2).trim().split(" +"));
            String table = OptionTable.render(ids, groups);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + table + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
