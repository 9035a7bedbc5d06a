package dev.switchboard.tls.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of servlet URL patterns (Servlet 6.0 section 12.2) matched against a request's path
 * within the application: {@code /exact}, {@code /prefix/*} (which also matches
 * {@code /prefix}), {@code *.extension}, {@code /} (everything) and the empty string (the
 * context root). Immutable and thread-safe.
 */
public final class UrlPatterns {

    private static final UrlPatterns NONE = new UrlPatterns(List.of(), Set.of(), List.of(), Set.of(), false, false);

    private final List<String> patterns;
    private final Set<String> exact;
    private final List<String> prefixes;
    private final Set<String> extensions;
    private final boolean everything;
    private final boolean root;

    private UrlPatterns(List<String> patterns, Set<String> exact, List<String> prefixes, Set<String> extensions,
            boolean everything, boolean root) {
        this.patterns = patterns;
        this.exact = exact;
        this.prefixes = prefixes;
        this.extensions = extensions;
        this.everything = everything;
        this.root = root;
    }

    public static UrlPatterns none() {
        return NONE;
    }

    /**
     * @throws IllegalArgumentException if a pattern is not one of the servlet forms
     */
    public static UrlPatterns of(List<String> patterns) {
        if (patterns.isEmpty()) {
            return NONE;
        }
        Set<String> exact = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        Set<String> extensions = new HashSet<>();
        boolean everything = false;
        boolean root = false;
        for (String p : patterns) {
            if (p.equals("/") || p.equals("/*")) {
                everything = true;
            } else if (p.isEmpty()) {
                root = true;
            } else if (p.startsWith("*.") && p.length() > 2 && p.indexOf('/') < 0 && p.indexOf('*', 1) < 0) {
                extensions.add(p.substring(2));
            } else if (p.startsWith("/") && p.endsWith("/*") && p.indexOf('*') == p.length() - 1) {
                prefixes.add(p.substring(0, p.length() - 2));
            } else if (p.startsWith("/") && p.indexOf('*') < 0) {
                exact.add(p);
            } else {
                throw new IllegalArgumentException("expected a servlet URL pattern such as /path, /path/* or *.ext but was \""
                        + p + "\"");
            }
        }
        return new UrlPatterns(List.copyOf(patterns), Set.copyOf(exact), List.copyOf(prefixes), Set.copyOf(extensions),
                everything, root);
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /**
     * Whether {@code path} (the decoded, normalised path within the application: servlet path
     * plus path info, {@code /} for the root) matches one of the patterns.
     */
    public boolean matches(String path) {
        if (everything) {
            return true;
        }
        if (patterns.isEmpty()) {
            return false;
        }
        if (root && (path.isEmpty() || path.equals("/"))) {
            return true;
        }
        if (exact.contains(path)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        if (!extensions.isEmpty()) {
            int slash = path.lastIndexOf('/');
            int dot = path.lastIndexOf('.');
            if (dot > slash && extensions.contains(path.substring(dot + 1))) {
                return true;
            }
        }
        return false;
    }

    /** The patterns as configured. */
    public List<String> patterns() {
        return patterns;
    }

    @Override
    public String toString() {
        return patterns.toString();
    }
}
