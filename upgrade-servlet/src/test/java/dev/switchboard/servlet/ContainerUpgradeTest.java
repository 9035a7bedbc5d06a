package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jakarta.servlet.ServletContext;

class ContainerUpgradeTest {

    /** The loops start with the first connection they take; a bad count must not wait for it. */
    @Test
    void aBadLoopCountFailsTheDeploymentNamingTheParameter() {
        ServletContext context = context(Map.of("switchboard.loopThreads", "many"));

        assertThatThrownBy(() -> ContainerUpgrade.of(context)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("switchboard.loopThreads");
    }

    /** A context with {@code params} that answers nothing else. */
    private static ServletContext context(Map<String, String> params) {
        return (ServletContext) Proxy.newProxyInstance(ContainerUpgradeTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInitParameter" -> params.get((String) args[0]);
                    case "getContextPath" -> "/shop";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
