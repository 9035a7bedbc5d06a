package dev.switchboard.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.options.Option;
import dev.switchboard.options.OptionGroup;

class GeneratedBlocksTest {

    private static final OptionGroup ENDPOINT = OptionGroup.builder("endpoint", "switchboard.websocket.")
            .add(Option.integer("switchboard.websocket.maxSessions", 10_000, 0, 10_000_000,
                    "open sessions at once; `0` for no limit"))
            .keysInTable()
            .build();
    private static final OptionGroup TUNNEL = OptionGroup.builder("tunnel", "switchboard.proxy.")
            .add(Option.textList("switchboard.proxy.connect", "`host:port` pairs that CONNECT may reach"))
            .note("`switchboard.proxy.<x>`", "the shared value", "a family")
            .build();
    private static final Map<String, OptionGroup> GROUPS = Map.of("endpoint", ENDPOINT, "tunnel", TUNNEL);

    @Test
    void aBlockIsReplacedByTheTableOfTheGroupsItNames() {
        String readme = "# Title\n\n<!-- options: tunnel endpoint -->\nold\n<!-- /options -->\n\nAfter.\n";

        assertThat(GeneratedBlocks.regenerate(readme, GROUPS)).isEqualTo("""
                # Title

                <!-- options: tunnel endpoint -->
                | name | default | meaning |
                |---|---|---|
                | `switchboard.proxy.connect` | (none) | `host:port` pairs that CONNECT may reach |
                | `switchboard.proxy.<x>` | the shared value | a family |
                | `maxSessions` | `10000` | open sessions at once; `0` for no limit |
                <!-- /options -->

                After.
                """);
    }

    @Test
    void textOutsideTheBlocksIsKept() {
        String readme = "a\n<!-- options: endpoint -->\n<!-- /options -->\nb $1 \\ c\n";

        assertThat(GeneratedBlocks.regenerate(readme, GROUPS)).startsWith("a\n").endsWith("b $1 \\ c\n");
    }

    @Test
    void aCurrentBlockIsLeftAsItIs() {
        String once = GeneratedBlocks.regenerate("<!-- options: endpoint -->\n<!-- /options -->\n", GROUPS);

        assertThat(GeneratedBlocks.regenerate(once, GROUPS)).isEqualTo(once);
    }

    @Test
    void aMarkerNamingNoGroupFails() {
        assertThatThrownBy(() -> GeneratedBlocks.regenerate("<!-- options: nope -->\n<!-- /options -->", GROUPS))
                .hasMessageStartingWith("no option group \"nope\"");
    }

    @Test
    void aFileWithoutMarkersHasNoBlock() {
        assertThat(GeneratedBlocks.present("| a | b |\n")).isFalse();
        assertThat(List.of(GeneratedBlocks.present("<!-- options: x -->\n<!-- /options -->"))).containsExactly(true);
    }
}
