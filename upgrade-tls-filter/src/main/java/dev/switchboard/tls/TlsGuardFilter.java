package dev.switchboard.tls;

import java.io.IOException;

import dev.switchboard.tls.internal.TlsRequirement;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The second half of {@link TlsPolicyFilter}: it runs right after the upgrade filter, and a
 * cleartext request for a protected resource that asked to upgrade to TLS only reaches it
 * when no switch happened (the protocol declined, or is not enabled). Such a request gets
 * the policy's 426 (or redirect) here, so that it is never served in cleartext. Every other
 * request passes at the cost of one attribute look-up.
 */
public class TlsGuardFilter implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        Object required = req.getAttribute(TlsPolicyFilter.REQUIRED_ATTRIBUTE);
        if (required instanceof TlsRequirement requirement && req instanceof HttpServletRequest request
                && res instanceof HttpServletResponse response) {
            request.removeAttribute(TlsPolicyFilter.REQUIRED_ATTRIBUTE);
            requirement.send(request, response);
            return;
        }
        chain.doFilter(req, res);
    }
}
