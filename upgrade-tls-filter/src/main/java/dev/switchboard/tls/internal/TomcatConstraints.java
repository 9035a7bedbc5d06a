package dev.switchboard.tls.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.ServletContext;

/**
 * The transport guarantees of a Tomcat context, from every source (web.xml, fragments,
 * {@code @ServletSecurity}, {@code setServletSecurity}), and the hand-over of their
 * enforcement to the TLS policy.
 *
 * <p>Tomcat checks a {@code CONFIDENTIAL} or {@code INTEGRAL} guarantee in its
 * authenticator valve, before any filter runs, and answers a request it finds insecure
 * with a 302 to its {@code redirectPort} (a 403 when that is 0). It does so for cleartext
 * requests, for RFC 2817 upgrade requests, and for requests that this module's bridge or a
 * trusted proxy has made secure, since the container cannot tell. Taking over sets the
 * guarantee to {@code NONE} in Tomcat's own constraint, once, while the context starts and
 * before it serves anything; the policy filter then enforces it with a 426 and with
 * everything the policy knows. Authentication and role constraints are left to Tomcat.
 *
 * <p>Tomcat is reached by reflection, so that this jar needs no Tomcat at run time; on other
 * containers {@link #read} finds nothing and the caller falls back to web.xml.
 */
public final class TomcatConstraints {

    private static final Logger LOG = Logger.getLogger(TomcatConstraints.class.getName());
    private static final String NONE = "NONE";

    private TomcatConstraints() {
    }

    /**
     * The context's transport guarantees as rules, or empty when {@code context} is not a
     * Tomcat context that can be read.
     *
     * @param takeOver whether to switch Tomcat's own enforcement of them off
     */
    public static Optional<List<ProtectedResources.Rule>> read(ServletContext context, boolean takeOver) {
        Object standardContext = TomcatInternals.standardContext(context);
        if (standardContext == null) {
            return Optional.empty();
        }
        try {
            Object[] constraints = (Object[]) TomcatInternals.call(standardContext, "findConstraints");
            List<ProtectedResources.Rule> rules = new ArrayList<>();
            List<Object> guaranteed = new ArrayList<>();
            for (Object constraint : constraints) {
                String guarantee = (String) TomcatInternals.call(constraint, "getUserConstraint");
                if (guarantee == null || guarantee.equalsIgnoreCase(NONE)) {
                    continue;
                }
                guaranteed.add(constraint);
                for (Object collection : (Object[]) TomcatInternals.call(constraint, "findCollections")) {
                    rules.add(new ProtectedResources.Rule(UrlPatterns.of(strings(collection, "findPatterns")),
                            Set.copyOf(strings(collection, "findMethods")),
                            Set.copyOf(strings(collection, "findOmittedMethods"))));
                }
            }
            // Only once every rule has been read: a failure above leaves Tomcat's enforcement untouched.
            for (Object constraint : takeOver ? guaranteed : List.of()) {
                constraint.getClass().getMethod("setUserConstraint", String.class).invoke(constraint, NONE);
            }
            if (takeOver && !rules.isEmpty()) {
                LOG.info("Transport guarantees of " + context.getContextPath() + " are enforced by the TLS policy (426)"
                        + " instead of Tomcat's redirect: " + rules.size() + " rule(s)");
            }
            return Optional.of(List.copyOf(rules));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read Tomcat's security constraints; falling back to web.xml: " + e, e);
            return Optional.empty();
        }
    }

    /** Method names as Tomcat holds them: compared case-sensitively, as Tomcat compares them. */
    private static List<String> strings(Object target, String method) throws ReflectiveOperationException {
        return Arrays.asList((String[]) TomcatInternals.call(target, method));
    }
}
