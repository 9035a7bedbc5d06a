package dev.switchboard.servlet.container;

import java.util.List;
import java.util.Set;

/**
 * One web resource collection of a security constraint whose transport guarantee asks for
 * TLS, as a container holds it: URL patterns as declared, and HTTP methods compared
 * case-sensitively (as containers compare them).
 *
 * @param urlPatterns the collection's URL patterns
 * @param methods the methods it covers; empty means every method not omitted
 * @param omittedMethods the methods it leaves out
 */
public record GuaranteedCollection(List<String> urlPatterns, Set<String> methods, Set<String> omittedMethods) {

    public GuaranteedCollection {
        urlPatterns = List.copyOf(urlPatterns);
        methods = Set.copyOf(methods);
        omittedMethods = Set.copyOf(omittedMethods);
    }
}
