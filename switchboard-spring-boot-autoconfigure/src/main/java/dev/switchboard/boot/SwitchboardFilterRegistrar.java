package dev.switchboard.boot;

import dev.switchboard.servlet.SwitchboardFilter;
import dev.switchboard.servlet.SwitchboardInitializer;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers Switchboard's one filter, {@link SwitchboardFilter}, as a Boot
 * {@link FilterRegistrationBean} named as in a WAR ({@value SwitchboardInitializer#FILTER_NAME}),
 * for {@code /*}, ahead of every filter Boot and Spring Security register
 * ({@link SwitchboardAutoConfiguration#FILTER_ORDER}). The filter finds the stages of the
 * Switchboard modules on the class path when the container starts it, once the application's
 * options are in the servlet context, and runs its negotiation stages for
 * {@code switchboard.urlPatterns} only.
 */
final class SwitchboardFilterRegistrar implements ImportBeanDefinitionRegistrar {

    /** The registration bean's name. */
    static final String BEAN_NAME = SwitchboardInitializer.FILTER_NAME + "-registration";

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        if (!registry.containsBeanDefinition(BEAN_NAME)) {
            registry.registerBeanDefinition(BEAN_NAME,
                    new RootBeanDefinition(FilterRegistrationBean.class, SwitchboardFilterRegistrar::registration));
        }
    }

    private static FilterRegistrationBean<SwitchboardFilter> registration() {
        FilterRegistrationBean<SwitchboardFilter> registration = new FilterRegistrationBean<>(new SwitchboardFilter());
        registration.setName(SwitchboardInitializer.FILTER_NAME);
        registration.setOrder(SwitchboardAutoConfiguration.FILTER_ORDER);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setAsyncSupported(true);
        return registration;
    }
}
