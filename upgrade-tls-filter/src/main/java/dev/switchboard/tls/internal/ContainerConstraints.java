package dev.switchboard.tls.internal;

import java.util.List;
import java.util.Optional;

import dev.switchboard.servlet.container.ContainerSupport;
import jakarta.servlet.ServletContext;

/**
 * The transport guarantees a container enforces for a context, as the policy's rules, where
 * its {@link ContainerSupport} can read them (Tomcat's, in upgrade-tomcat, from every source
 * it merged, and able to take their enforcement over so that the policy answers 426 instead of
 * the container's redirect).
 */
public final class ContainerConstraints {

    private ContainerConstraints() {
    }

    /**
     * The context's transport guarantees as rules, or empty when its container's support cannot
     * read them.
     *
     * @param takeOver whether to switch the container's own enforcement of them off
     */
    public static Optional<List<ProtectedResources.Rule>> read(ServletContext context, boolean takeOver) {
        return ContainerSupport.of(context).transportGuarantees(context, takeOver)
                .map(collections -> collections.stream()
                        .map(c -> new ProtectedResources.Rule(UrlPatterns.of(c.urlPatterns()), c.methods(),
                                c.omittedMethods()))
                        .toList());
    }
}
