package dev.switchboard.boot;

import dev.switchboard.micrometer.SwitchboardMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Switchboard's meters ({@code upgrade-micrometer}) in the application's Micrometer registries,
 * as Boot's own binders appear: when Micrometer and a {@link MeterRegistry} bean are there
 * (Actuator brings both) and Switchboard is on.
 *
 * <p>The binder is a {@code MeterBinder} bean over the servlet context, which Boot registers as
 * a bean once the embedded server has created it, before the application's singletons; Boot
 * binds it to every registry (or to the composite one) after the singletons exist, so counts
 * made while the server started are included. It is closed when the application stops:
 * Switchboard's statistics then stop feeding the registries, which may outlive it.
 *
 * <p>The meters can be left out with Boot's own filter, {@code management.metrics.enable.switchboard=false};
 * an application that defines a {@link SwitchboardMetrics} bean of its own (for tags of its own)
 * gets that one instead.
 */
@AutoConfiguration(after = SwitchboardAutoConfiguration.class, afterName = {
        // Boot 4, then Boot 3.5: every registry, composite or not, exists after these.
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SwitchboardMetrics.class, MeterRegistry.class})
@ConditionalOnBean({SwitchboardParameters.class, MeterRegistry.class})
public class SwitchboardMetricsAutoConfiguration {

    /** The meters of this application's servlet context; closed by Spring when the application stops. */
    @Bean
    @ConditionalOnMissingBean
    SwitchboardMetrics switchboardMetrics(ServletContext servletContext) {
        return new SwitchboardMetrics(servletContext);
    }
}
