package dev.switchboard.tls.internal;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests may upgrade their connection to TLS in place (RFC 2817 section 3):
 * <ul>
 *   <li>the <b>mandatory form</b>, {@code OPTIONS *} with {@code Upgrade: TLS/1.x}, always
 *       (wherever the container lets it reach the application);</li>
 *   <li>the <b>optional form</b>, a real request carrying {@code Upgrade: TLS/1.x}, only for
 *       {@code GET}, {@code HEAD} and {@code OPTIONS} of the resources configured for it, and
 *       none by default.</li>
 * </ul>
 * The optional form is what the Opossum attack (CVE-2025-49812) abuses: after the switch the
 * server answers the request over TLS, and a man in the middle can have sent that request
 * and then relayed onto the connection the handshake of a victim who meant to reach the
 * https port, who then reads the answer to the attacker's request as its own. The answer to
 * {@code OPTIONS *} says nothing an attacker chose; with the optional form, the resources
 * configured for it should be ones whose answer is harmless to anyone (TLS-11). Immutable
 * and thread-safe.
 */
public final class UpgradeForms {

    /** The methods the optional form may switch: safe ones (RFC 9110 section 9.2.1), compared exactly. */
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private static final UpgradeForms MANDATORY_ONLY = new UpgradeForms(UrlPatterns.none());

    private final UrlPatterns optional;

    /**
     * @param optional the resources whose {@code GET}, {@code HEAD} and {@code OPTIONS} may
     *     use the optional form; none for the mandatory form only
     */
    public UpgradeForms(UrlPatterns optional) {
        this.optional = optional;
    }

    /** The mandatory form only: the default. */
    public static UpgradeForms mandatoryOnly() {
        return MANDATORY_ONLY;
    }

    /** Whether {@code request}, asking to upgrade to TLS, may be switched. */
    public boolean allows(HttpServletRequest request) {
        return isMandatoryForm(request) || optional(request.getMethod(), TlsPolicy.pathWithinApplication(request));
    }

    /** Whether {@code request} is {@code OPTIONS *}. */
    public static boolean isMandatoryForm(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) && "*".equals(request.getRequestURI());
    }

    /** Whether a request with {@code method} for {@code path} (within the application) may use the optional form. */
    public boolean optional(String method, String path) {
        return SAFE_METHODS.contains(method) && optional.matches(path);
    }

    /** Whether some method may use the optional form for {@code path}: where an advertisement is true. */
    public boolean optionalFor(String path) {
        return optional.matches(path);
    }

    /** Whether the optional form is enabled for any resource. */
    public boolean optionalEnabled() {
        return !optional.isEmpty();
    }

    @Override
    public String toString() {
        return optional.isEmpty() ? "mandatory form only" : "optional form for " + optional;
    }
}
