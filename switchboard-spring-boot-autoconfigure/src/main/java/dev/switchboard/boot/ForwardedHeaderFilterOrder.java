package dev.switchboard.boot;

import java.util.logging.Logger;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * Moves Spring's {@link ForwardedHeaderFilter} (registered by Boot for
 * {@code server.forward-headers-strategy=framework} at the very front) to just behind
 * Switchboard's filters: it believes {@code X-Forwarded-Proto} from any client, and Switchboard's
 * TLS policy must see the connection as it is (see {@link ForwardedHeaders}). The rest of the
 * application still sees the forwarded view.
 */
final class ForwardedHeaderFilterOrder implements BeanPostProcessor {

    private static final Logger LOG = Logger.getLogger(ForwardedHeaderFilterOrder.class.getName());

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof FilterRegistrationBean<?> registration
                && registration.getFilter() instanceof ForwardedHeaderFilter
                && registration.getOrder() < SwitchboardAutoConfiguration.AFTER_SWITCHBOARD_ORDER) {
            registration.setOrder(SwitchboardAutoConfiguration.AFTER_SWITCHBOARD_ORDER);
            LOG.info("Spring's ForwardedHeaderFilter runs after Switchboard's filters, which believe only "
                    + "switchboard.trusted-proxies");
        }
        return bean;
    }
}
