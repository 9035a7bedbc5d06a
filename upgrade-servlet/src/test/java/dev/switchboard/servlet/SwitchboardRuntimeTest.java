package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import jakarta.servlet.ServletContext;

import dev.switchboard.servlet.nio.ReactorGroup;

/** One runtime per application: its timer and services start on first use and end with its last user. */
class SwitchboardRuntimeTest {

    private final ServletContext context = context("/shop");

    @Test
    void aContextHasOneRuntime() {
        assertThat(SwitchboardRuntime.of(context)).isSameAs(SwitchboardRuntime.of(context));
        assertThat(SwitchboardRuntime.of(context)).isNotSameAs(SwitchboardRuntime.of(context("/other")));
    }

    @Test
    void theTimerThreadIsNamedForTheApplicationAndEndsBeforeTheLastReleaseReturns() throws Exception {
        SwitchboardRuntime runtime = SwitchboardRuntime.of(context).retain();
        AtomicReference<Thread> timer = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        runtime.scheduler().schedule(() -> {
            timer.set(Thread.currentThread());
            ran.countDown();
        }, 1, TimeUnit.MILLISECONDS);
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();

        runtime.release();

        assertThat(timer.get().getName()).isEqualTo("switchboard-timers /shop");
        assertThat(timer.get().isAlive()).isFalse();
    }

    @Test
    void theRuntimeRunsUntilItsLastUserReleasesIt() {
        SwitchboardRuntime runtime = SwitchboardRuntime.of(context).retain().retain();

        runtime.release();
        assertThat(runtime.isStopped()).isFalse();
        assertThat(runtime.scheduler().isShutdown()).isFalse();

        runtime.release();
        assertThat(runtime.isStopped()).isTrue();
    }

    @Test
    void servicesCloseNewestFirstWhenTheRuntimeStops() {
        SwitchboardRuntime runtime = SwitchboardRuntime.of(context).retain();
        List<String> closed = new CopyOnWriteArrayList<>();
        runtime.service("loop", AutoCloseable.class, () -> () -> closed.add("loop"));
        runtime.service("bridge", AutoCloseable.class, () -> () -> closed.add("bridge"));

        runtime.release();

        assertThat(closed).containsExactly("bridge", "loop");
    }

    @Test
    void aServiceIsStartedOnceAndSharedByName() {
        SwitchboardRuntime runtime = SwitchboardRuntime.of(context);
        AutoCloseable first = runtime.service("loop", AutoCloseable.class, () -> () -> { });

        assertThat(runtime.service("loop", AutoCloseable.class, () -> () -> { })).isSameAs(first);
    }

    @Test
    void aServiceThatFailsToCloseDoesNotKeepTheOthersOrTheTimerRunning() throws Exception {
        SwitchboardRuntime runtime = SwitchboardRuntime.of(context).retain();
        List<String> closed = new CopyOnWriteArrayList<>();
        runtime.service("first", AutoCloseable.class, () -> () -> closed.add("first"));
        runtime.service("failing", AutoCloseable.class, () -> () -> {
            throw new IllegalStateException("broken");
        });
        var timer = runtime.scheduler();

        runtime.release();

        assertThat(closed).containsExactly("first");
        assertThat(timer.isTerminated()).isTrue();
    }

    @Test
    void aStoppedRuntimeRefusesWorkAndTheContextGetsAFreshOne() {
        SwitchboardRuntime runtime = SwitchboardRuntime.of(context).retain();
        runtime.release();

        assertThatThrownBy(runtime::scheduler).isInstanceOf(IllegalStateException.class)
                .hasMessage("Switchboard runtime of /shop has stopped");
        assertThatThrownBy(runtime::retain).isInstanceOf(IllegalStateException.class);
        SwitchboardRuntime next = SwitchboardRuntime.of(context);
        assertThat(next).isNotSameAs(runtime);
        assertThat(next.isStopped()).isFalse();
    }

    @Test
    void aReleaseBeyondTheLastDoesNothing() {
        SwitchboardRuntime runtime = SwitchboardRuntime.of(context).retain();
        runtime.release();
        runtime.release();

        assertThat(SwitchboardRuntime.of(context)).isNotSameAs(runtime);
    }

    @Test
    void theLoopsAreAsManyAsConfiguredSharedByJobAndNamedForTheApplication() {
        SwitchboardRuntime runtime = SwitchboardRuntime.of(context("/shop", Map.of("switchboard.loopThreads", "3")))
                .retain();
        try {
            ReactorGroup loops = runtime.loops("tomcat-loop", null);
            assertThat(loops.size()).isEqualTo(3);
            assertThat(runtime.loops("tomcat-loop", null)).isSameAs(loops);
            assertThat(List.of(loops.next().toString(), loops.next().toString(), loops.next().toString()))
                    .containsExactly("switchboard-tomcat-loop-1 /shop", "switchboard-tomcat-loop-2 /shop",
                            "switchboard-tomcat-loop-3 /shop");
        } finally {
            runtime.release();
        }
    }

    @Test
    void withoutASettingThereIsOneLoopPerProcessor() {
        SwitchboardRuntime runtime = SwitchboardRuntime.of(context).retain();
        try {
            assertThat(runtime.loops("tomcat-loop", null).size()).isEqualTo(Runtime.getRuntime().availableProcessors());
        } finally {
            runtime.release();
        }
    }

    @Test
    void aLoopCountOutOfRangeIsRefusedNamingTheParameter() {
        SwitchboardRuntime runtime = SwitchboardRuntime.of(context("/shop", Map.of("switchboard.loopThreads", "300")));
        assertThatThrownBy(() -> runtime.loops("tomcat-loop", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("switchboard.loopThreads");
    }

    /** A context at {@code path}, holding its attributes. */
    private static ServletContext context(String path) {
        return context(path, Map.of());
    }

    /** A context at {@code path} with {@code params}, holding its attributes. */
    private static ServletContext context(String path, Map<String, String> params) {
        Map<String, Object> attributes = new ConcurrentHashMap<>();
        return (ServletContext) Proxy.newProxyInstance(SwitchboardRuntimeTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContextPath" -> path;
                    case "getInitParameter" -> params.get((String) args[0]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
