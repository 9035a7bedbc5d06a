package dev.switchboard.tls.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The resources that require TLS: configured URL patterns (for every method) and the
 * {@code CONFIDENTIAL} or {@code INTEGRAL} constraints of web.xml (for the methods they
 * name), minus the exempt patterns. Immutable and thread-safe.
 */
public final class ProtectedResources {

    /**
     * One rule: the patterns, and the methods it covers.
     *
     * @param methods methods covered, as written; empty means all but {@code omissions}
     * @param omissions methods not covered, as written (only when {@code methods} is empty)
     */
    public record Rule(UrlPatterns patterns, Set<String> methods, Set<String> omissions) {

        public Rule {
            methods = Set.copyOf(methods);
            omissions = Set.copyOf(omissions);
        }

        /** A rule for every method. */
        public static Rule allMethods(UrlPatterns patterns) {
            return new Rule(patterns, Set.of(), Set.of());
        }

        /**
         * Method names are case-sensitive (RFC 9110 section 9.1) and the container compares
         * them so: an omission of {@code get} does not omit {@code GET}.
         */
        boolean covers(String method, String path) {
            if (!methods.isEmpty() ? !methods.contains(method) : omissions.contains(method)) {
                return false;
            }
            return patterns.matches(path);
        }
    }

    private final List<Rule> rules;
    private final UrlPatterns exempt;

    public ProtectedResources(List<Rule> rules, UrlPatterns exempt) {
        List<Rule> nonEmpty = new ArrayList<>();
        for (Rule r : rules) {
            if (!r.patterns().isEmpty()) {
                nonEmpty.add(r);
            }
        }
        this.rules = List.copyOf(nonEmpty);
        this.exempt = exempt;
    }

    /** Whether no resource requires TLS. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether a request with {@code method} for {@code path} (within the application) requires TLS. */
    public boolean requireTls(String method, String path) {
        for (Rule r : rules) {
            if (r.covers(method, path)) {
                return !exempt.matches(path);
            }
        }
        return false;
    }

    public List<Rule> rules() {
        return rules;
    }

    @Override
    public String toString() {
        return "ProtectedResources" + rules + " exempt " + exempt;
    }
}
