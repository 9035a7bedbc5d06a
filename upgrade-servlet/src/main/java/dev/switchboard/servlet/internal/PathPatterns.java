package dev.switchboard.servlet.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Servlet URL patterns (Jakarta Servlet 6.0 section 12.2) matched the way a container matches
 * a filter mapping: against the path within the application (servlet path plus path info).
 * Exact paths, {@code /prefix/*}, {@code *.extension}, and {@code /*} or {@code /} for all.
 * Immutable.
 */
public final class PathPatterns {

    private final List<String> patterns;
    private final boolean all;

    private PathPatterns(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        this.all = patterns.contains("/*") || patterns.contains("/");
    }

    public static PathPatterns of(List<String> patterns) {
        return new PathPatterns(patterns);
    }

    /** Whether every request matches. */
    public boolean all() {
        return all;
    }

    public boolean matches(HttpServletRequest request) {
        if (all) {
            return true;
        }
        String info = request.getPathInfo();
        String path = info == null ? request.getServletPath() : request.getServletPath() + info;
        if (path.isEmpty()) {
            path = "/";
        }
        for (String p : patterns) {
            if (matches(p, path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String path) {
        if (pattern.equals(path)) {
            return true;
        }
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
        if (pattern.startsWith("*.")) {
            int slash = path.lastIndexOf('/');
            int dot = path.lastIndexOf('.');
            return dot > slash && path.substring(dot + 1).equals(pattern.substring(2));
        }
        return false;
    }

    @Override
    public String toString() {
        return patterns.toString();
    }
}
