package dev.switchboard.tomcat.container;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.catalina.core.StandardContext;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;

import dev.switchboard.servlet.container.GuaranteedCollection;
import jakarta.servlet.ServletContext;

/**
 * The transport guarantees of a Tomcat context, from every source Tomcat merged into its
 * security constraints. Tomcat enforces a {@code CONFIDENTIAL} or {@code INTEGRAL} guarantee
 * in its authenticator with a redirect to the connector's {@code redirectPort}; taking them
 * over sets the guarantee to {@code NONE} in Tomcat's own constraints, so that the request
 * reaches the TLS policy, which answers 426 instead. Authentication and role constraints are
 * left to Tomcat.
 */
final class TransportGuarantees {

    private static final Logger LOG = Logger.getLogger(TransportGuarantees.class.getName());
    private static final String NONE = "NONE";

    private TransportGuarantees() {
    }

    /** See {@link dev.switchboard.servlet.container.ContainerSupport#transportGuarantees}. */
    static Optional<List<GuaranteedCollection>> read(ServletContext context, boolean takeOver) {
        StandardContext tomcat = TomcatContexts.of(context);
        if (tomcat == null) {
            return Optional.empty();
        }
        try {
            List<GuaranteedCollection> collections = new ArrayList<>();
            List<SecurityConstraint> guaranteed = new ArrayList<>();
            for (SecurityConstraint constraint : tomcat.findConstraints()) {
                String guarantee = constraint.getUserConstraint();
                if (guarantee == null || guarantee.equalsIgnoreCase(NONE)) {
                    continue;
                }
                guaranteed.add(constraint);
                for (SecurityCollection collection : constraint.findCollections()) {
                    collections.add(new GuaranteedCollection(Arrays.asList(collection.findPatterns()),
                            Set.copyOf(Arrays.asList(collection.findMethods())),
                            Set.copyOf(Arrays.asList(collection.findOmittedMethods()))));
                }
            }
            // Only once every collection has been read: a failure above leaves Tomcat's enforcement as it was.
            if (takeOver) {
                guaranteed.forEach(constraint -> constraint.setUserConstraint(NONE));
            }
            if (takeOver && !collections.isEmpty()) {
                LOG.info("Transport guarantees of " + context.getContextPath() + " are enforced by the TLS policy (426)"
                        + " instead of Tomcat's redirect: " + collections.size() + " rule(s)");
            }
            return Optional.of(List.copyOf(collections));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read Tomcat's security constraints; falling back to web.xml: " + e, e);
            return Optional.empty();
        }
    }
}
