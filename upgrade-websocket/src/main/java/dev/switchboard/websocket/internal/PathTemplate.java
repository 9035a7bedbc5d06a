package dev.switchboard.websocket.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A WebSocket endpoint path, possibly with {@code {name}} segments that each match one
 * non-empty path segment (Jakarta WebSocket 2.1 section 3.1.1), such as
 * {@code /rooms/{room}/chat}. Immutable.
 *
 * <p>Of two templates that match the same path, the more specific wins: an exact path before
 * any template, then, segment by segment from the left, a literal segment before a parameter;
 * {@link #compareSpecificity} gives that order.
 */
public final class PathTemplate {

    private final String template;
    private final List<String> segments;
    private final boolean[] parameter;
    private final boolean exact;

    private PathTemplate(String template, List<String> segments, boolean[] parameter, boolean exact) {
        this.template = template;
        this.segments = segments;
        this.parameter = parameter;
        this.exact = exact;
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException if it does not start with {@code /}, a segment mixes
     *     text and a parameter, or a parameter name repeats
     */
    public static PathTemplate parse(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("expected a path starting with / but was \"" + template + "\"");
        }
        List<String> segments = segments(template);
        boolean[] parameter = new boolean[segments.size()];
        Set<String> names = new HashSet<>();
        boolean exact = true;
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            boolean open = s.indexOf('{') >= 0;
            boolean close = s.indexOf('}') >= 0;
            if (!open && !close) {
                continue;
            }
            if (!(s.startsWith("{") && s.endsWith("}") && s.length() > 2 && s.indexOf('{', 1) < 0
                    && s.indexOf('}') == s.length() - 1)) {
                throw new IllegalArgumentException("segment \"" + s + "\" of \"" + template
                        + "\" must be either text or a whole {parameter}");
            }
            String name = s.substring(1, s.length() - 1);
            if (!names.add(name)) {
                throw new IllegalArgumentException("parameter {" + name + "} appears twice in \"" + template + "\"");
            }
            segments.set(i, name);
            parameter[i] = true;
            exact = false;
        }
        return new PathTemplate(template, Collections.unmodifiableList(segments), parameter, exact);
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        int start = 1;
        for (int i = 1; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                out.add(path.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * Matches a request path (already decoded, as the servlet API reports it).
     *
     * @return the parameter values by name, empty for an exact match; null when it does not match
     */
    public Map<String, String> match(String path) {
        if (exact) {
            return template.equals(path) ? Map.of() : null;
        }
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        List<String> actual = segments(path);
        if (actual.size() != segments.size()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String a = actual.get(i);
            if (parameter[i]) {
                if (a.isEmpty()) {
                    return null;
                }
                values.put(segments.get(i), a);
            } else if (!segments.get(i).equals(a)) {
                return null;
            }
        }
        return Collections.unmodifiableMap(values);
    }

    public boolean isExact() {
        return exact;
    }

    /** Negative when {@code a} is more specific than {@code b}. */
    public static int compareSpecificity(PathTemplate a, PathTemplate b) {
        if (a.exact != b.exact) {
            return a.exact ? -1 : 1;
        }
        int n = Math.min(a.parameter.length, b.parameter.length);
        for (int i = 0; i < n; i++) {
            if (a.parameter[i] != b.parameter[i]) {
                return a.parameter[i] ? 1 : -1;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathTemplate other && template.equals(other.template);
    }

    @Override
    public int hashCode() {
        return template.hashCode();
    }

    @Override
    public String toString() {
        return template;
    }
}
