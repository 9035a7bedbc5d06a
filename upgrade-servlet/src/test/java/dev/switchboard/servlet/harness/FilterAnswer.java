package dev.switchboard.servlet.harness;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpUpgradeHandler;

/**
 * What a filter did with one request in a {@link FilterHarness}: the response as written, and
 * whether it passed the request on or switched the connection.
 *
 * @param request the request as the bytes made it
 * @param response the response as the filter left it
 * @param passedOn the request the rest of the chain was given (a filter may wrap it), or null
 *     when the filter answered itself
 */
public record FilterAnswer(WireRequest request, WireResponse response, ServletRequest passedOn) {

    /** The response head as an HTTP/1.1 server writes it (see {@link WireResponse#head()}). */
    public String head() {
        return response.head();
    }

    /** The response content, decoded as UTF-8. */
    public String body() {
        return new String(response.content(), StandardCharsets.UTF_8);
    }

    /** The response head followed by its content. */
    public String wire() {
        return head() + body();
    }

    /** Whether the rest of the chain (the application) saw the request. */
    public boolean wasPassedOn() {
        return passedOn != null;
    }

    /** The handlers the filter created through {@code HttpServletRequest.upgrade}: one after a switch. */
    public List<HttpUpgradeHandler> upgrades() {
        return request.upgrades();
    }
}
