package dev.switchboard.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.micrometer.SwitchboardMetrics;
import dev.switchboard.servlet.UpgradeRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.WebApplicationContext;

/**
 * When the starter binds Switchboard's meters: with Micrometer and a registry, through Boot's
 * own binding of {@code MeterBinder} beans; never without them, nor with Switchboard off.
 */
class SwitchboardMetricsAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    SwitchboardAutoConfiguration.class, SwitchboardMetricsAutoConfiguration.class));

    /** A registry of the test's own, which the application does not close when it stops. */
    private static WebApplicationContextRunner withRegistry(WebApplicationContextRunner runner, MeterRegistry registry) {
        return runner.withBean("testRegistry", MeterRegistry.class, () -> registry,
                definition -> ((AbstractBeanDefinition) definition).setDestroyMethodName(""));
    }

    @Test
    void withARegistryBootBindsSwitchboardsMetersToIt() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        withRegistry(runner, registry).run(context -> {
            assertThat(context).hasSingleBean(SwitchboardMetrics.class);
            assertThat(registry.find("switchboard.upgrade.requests").tag("context", "/").functionCounter()).isNotNull();
        });
    }

    @Test
    void bootsOwnMeterFilterLeavesThemOut() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        withRegistry(runner, registry).withPropertyValues("management.metrics.enable.switchboard=false").run(context -> {
            assertThat(context).hasSingleBean(SwitchboardMetrics.class);
            assertThat(registry.find("switchboard.upgrade.requests").meters()).isEmpty();
        });
    }

    @Test
    void withoutARegistryThereAreNoMeters() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SwitchboardMetrics.class));
    }

    @Test
    void withoutMicrometerOnTheClassPathTheApplicationStartsWithoutMeters() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer."))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SwitchboardMetrics.class));
    }

    @Test
    void withoutUpgradeMicrometerOnTheClassPathThereAreNoMeters() {
        withRegistry(runner.withClassLoader(new FilteredClassLoader(SwitchboardMetrics.class)), new SimpleMeterRegistry())
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SwitchboardMetrics.class));
    }

    @Test
    void withSwitchboardOffThereAreNoMeters() {
        withRegistry(runner, new SimpleMeterRegistry()).withPropertyValues("switchboard.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SwitchboardMetrics.class));
    }

    @Test
    void theApplicationsOwnSwitchboardMetricsBeanIsTheOneBound() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        withRegistry(runner, registry)
                .withBean(SwitchboardMetrics.class, () -> new SwitchboardMetrics(new MockServletContext(),
                        Tags.of("application", "orders")))
                .run(context -> {
                    assertThat(context).hasSingleBean(SwitchboardMetrics.class);
                    assertThat(registry.find("switchboard.upgrade.requests").tag("application", "orders").functionCounter())
                            .isNotNull();
                });
    }

    @Test
    void afterTheApplicationStopsItsStatisticsNoLongerFeedTheRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ServletContext[] servletContext = new ServletContext[1];

        withRegistry(runner, registry).run(context ->
                servletContext[0] = ((WebApplicationContext) context.getSourceApplicationContext()).getServletContext());
        UpgradeRegistry.of(servletContext[0]).statistics().forProtocol("late/1");

        assertThat(registry.find("switchboard.connections.active").tag("protocol", "late/1").gauge()).isNull();
    }

    @Test
    void whileTheApplicationRunsANewProtocolGetsItsMeters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        withRegistry(runner, registry).run(context -> {
            ServletContext servletContext = ((WebApplicationContext) context.getSourceApplicationContext()).getServletContext();
            UpgradeRegistry.of(servletContext).statistics().forProtocol("late/1");

            assertThat(registry.find("switchboard.connections.active").tag("protocol", "late/1").gauge()).isNotNull();
        });
    }
}
