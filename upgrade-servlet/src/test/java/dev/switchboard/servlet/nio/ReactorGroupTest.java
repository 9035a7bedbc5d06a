package dev.switchboard.servlet.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ReactorGroupTest {

    @Test
    void connectionsGetEachReactorInTurn() {
        try (ReactorGroup group = new ReactorGroup(3, n -> "loop-" + n, null)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                names.add(group.next().toString());
            }
            assertThat(names).containsExactly("loop-1", "loop-2", "loop-3", "loop-1", "loop-2", "loop-3", "loop-1");
            assertThat(group.size()).isEqualTo(3);
        }
    }

    @Test
    void eachReactorRunsOnAThreadOfItsOwnWithTheGivenLoader() throws Exception {
        ClassLoader loader = new ClassLoader(null) { };
        try (ReactorGroup group = new ReactorGroup(2, n -> "loop-" + n, loader)) {
            List<String> ran = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                CompletableFuture<String> on = new CompletableFuture<>();
                group.next().execute(() -> on.complete(Thread.currentThread().getName()
                        + (Thread.currentThread().getContextClassLoader() == loader ? " with the loader" : "")));
                ran.add(on.get(10, TimeUnit.SECONDS));
            }
            assertThat(ran).containsExactly("loop-1 with the loader", "loop-2 with the loader");
        }
    }

    @Test
    void closingTheGroupStopsEveryReactor() {
        ReactorGroup group = new ReactorGroup(2, n -> "closing-" + n, null);
        Reactor first = group.next();
        Reactor second = group.next();
        first.execute(() -> { });
        group.close();
        assertThat(first.isStopped()).isTrue();
        assertThat(second.isStopped()).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("closing-") && t.isAlive());
    }

    @Test
    void aGroupWithoutReactorsIsRefused() {
        assertThatThrownBy(() -> new ReactorGroup(0, n -> "loop-" + n, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }
}
