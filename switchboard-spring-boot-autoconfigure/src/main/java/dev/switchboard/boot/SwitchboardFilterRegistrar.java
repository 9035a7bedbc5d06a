package dev.switchboard.boot;

import java.util.List;

import dev.switchboard.servlet.FilterContribution;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers each of Switchboard's filters ({@link SwitchboardModules#filters}) as a Boot
 * {@link FilterRegistrationBean}, named as in a WAR ({@code switchboard-tls},
 * {@code switchboard-upgrade}, ...), in Switchboard's order and ahead of every filter Boot and
 * Spring Security register: at {@link SwitchboardAutoConfiguration#FILTER_ORDER} plus the
 * contribution's own order.
 */
final class SwitchboardFilterRegistrar implements ImportBeanDefinitionRegistrar, BeanClassLoaderAware {

    private ClassLoader loader = SwitchboardFilterRegistrar.class.getClassLoader();

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.loader = classLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        BeanFactory beans = (BeanFactory) registry;
        for (FilterContribution contribution : SwitchboardModules.filters(loader)) {
            String name = contribution.name() + "-registration";
            if (registry.containsBeanDefinition(name)) {
                continue;
            }
            RootBeanDefinition definition = new RootBeanDefinition(FilterRegistrationBean.class,
                    () -> registration(contribution, beans.getBean(SwitchboardParameters.class)));
            registry.registerBeanDefinition(name, definition);
        }
    }

    private static FilterRegistrationBean<ContributedFilter> registration(FilterContribution contribution,
            SwitchboardParameters parameters) {
        FilterRegistrationBean<ContributedFilter> registration =
                new FilterRegistrationBean<>(new ContributedFilter(contribution));
        registration.setName(contribution.name());
        registration.setOrder(SwitchboardAutoConfiguration.FILTER_ORDER + contribution.order());
        List<String> patterns = contribution.urlPatterns(parameters.settings());
        registration.setUrlPatterns(patterns);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setAsyncSupported(true);
        return registration;
    }
}
