package dev.switchboard.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.RequestHead;
import dev.switchboard.http.Upgrade;
import dev.switchboard.servlet.internal.engine.SessionSetup;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Performs a switch the same way on every container: content read first, then the 101 with
 * {@code Upgrade} naming exactly what was switched to and {@code Connection: upgrade}, then
 * the handover to the handler.
 *
 * <p>Containers differ in how {@code request.upgrade()} treats the response: Tomcat sets only
 * the status; older Jetty 12.1 builds insist that status and fields are set before the call
 * and commit the 101 inside it; newer ones (12.1.8 measured) overwrite {@code Upgrade} with the
 * client's first token and {@code Connection} with {@code Upgrade}, and commit after the filter
 * returns. Setting the fields both before and after the call gives the same bytes on each, and
 * on a {@link ContainerUpgrade} adapter, which leaves the response to the caller.
 */
final class Switcher {

    private static final byte[] NO_CONTENT = new byte[0];

    private final ContainerUpgrade upgrade;
    private final int maxContentLength;
    private final HandlerOptions handlerOptions;
    private final Supplier<ScheduledExecutorService> scheduler;

    Switcher(ContainerUpgrade upgrade, int maxContentLength, HandlerOptions handlerOptions,
            Supplier<ScheduledExecutorService> scheduler) {
        this.upgrade = upgrade;
        this.maxContentLength = maxContentLength;
        this.handlerOptions = handlerOptions;
        this.scheduler = scheduler;
    }

    /**
     * Switches {@code request}'s connection to the protocol that {@code token} matched. If the
     * switch does not happen (this throws), the decision's cleanup has run.
     *
     * @param token the protocol's token that matched the client's offer: the 101 names it, or
     *     the decision's stack, which must contain it; null for a routed protocol, whose stack
     *     must name one of {@code offers}
     * @throws HttpStatusException (413, 400) if the content is too large or incomplete; nothing
     *     has been written then
     */
    void switchTo(HttpServletRequest request, HttpServletResponse response, RequestHead head, ProtocolToken token,
            Upgrade offers, String protocol, Decision.Switch decision, ProtocolStatistics stats)
            throws IOException, ServletException {
        Upgrade upgradeField;
        byte[] content;
        ContainerUpgrade.EngineSwitch switched = null;
        try {
            upgradeField = upgradeField(token != null ? token : offeredIn(decision, offers, protocol), protocol, decision);
            content = decision.contentRead() ? NO_CONTENT
                    : head.hasContent() ? readContent(request, head) : awaitContinue(request, head);
            writeHead(response, upgradeField, decision.fieldLines());
            if (decision.factory() != null) {
                switched = upgrade.upgradeToEngine(request);
            } else {
                upgrade.upgrade(request, decision.handlerType());
            }
        } catch (IOException | ServletException | RuntimeException e) {
            decision.abandon();
            throw e;
        }
        // Point of no return: the connection now belongs to the engine or the handler.
        writeHead(response, upgradeField, decision.fieldLines());
        stats.upgraded();
        if (switched != null) {
            HandlerOptions limits = decision.limits() == null ? handlerOptions : decision.limits();
            switched.bind(new SessionSetup(decision.factory(), stats, limits, content, scheduler.get()));
        }
    }

    /**
     * The token of {@code stack} that the client offered in {@code offers}: what a routed
     * protocol switched to, for {@link #switchTo}.
     *
     * @throws IllegalStateException if there is none (the protocol did not check its switch)
     */
    private static ProtocolToken offeredIn(Decision.Switch decision, Upgrade offers, String protocol) {
        List<ProtocolToken> stack = decision.upgradeField();
        if (stack != null) {
            for (ProtocolToken t : stack) {
                if (offers.offers(t)) {
                    return t;
                }
            }
        }
        throw new IllegalStateException("routed protocol " + protocol + " switched to " + stack
                + ", which names none of the client's offers (" + offers.toHeaderValue() + ")");
    }

    private static Upgrade upgradeField(ProtocolToken token, String protocol, Decision.Switch decision) {
        List<ProtocolToken> stack = decision.upgradeField();
        if (stack == null) {
            return Upgrade.of(token);
        }
        if (!stack.contains(token)) {
            throw new IllegalStateException("protocol " + protocol + " switched to " + stack
                    + ", which does not contain the offered " + token);
        }
        return Upgrade.of(stack);
    }

    private static void writeHead(HttpServletResponse response, Upgrade upgrade, Map<String, List<String>> fields) {
        response.setStatus(HttpSpec.SC_SWITCHING_PROTOCOLS);
        response.setHeader(HttpSpec.UPGRADE, upgrade.toHeaderValue());
        response.setHeader(HttpSpec.CONNECTION, HttpSpec.CONNECTION_OPTION_UPGRADE);
        fields.forEach((name, lines) -> {
            response.setHeader(name, lines.get(0));
            for (int i = 1; i < lines.size(); i++) {
                response.addHeader(name, lines.get(i));
            }
        });
    }

    /**
     * Reads the whole content before the switch (RFC 9110 section 7.8), so that none of it is
     * taken for the new protocol's bytes. Reading also makes containers that defer the
     * {@code 100 Continue} send it now, before the 101.
     */
    private byte[] readContent(HttpServletRequest request, RequestHead head) throws IOException {
        long declared = head.contentLength();
        if (declared > maxContentLength) {
            throw tooLarge();
        }
        byte[] content;
        try (InputStream in = request.getInputStream()) {
            content = in.readNBytes(maxContentLength + 1);
        }
        if (content.length > maxContentLength) {
            throw tooLarge();
        }
        if (declared >= 0 && content.length != declared) {
            throw new HttpStatusException(HttpSpec.SC_BAD_REQUEST,
                    "Request content ended after " + content.length + " of " + declared + " bytes");
        }
        return content;
    }

    /**
     * With {@code Expect: 100-continue} and no content, touching the input is what makes a
     * container that defers the interim response send it, so that the 100 precedes the 101.
     */
    private static byte[] awaitContinue(HttpServletRequest request, RequestHead head) throws IOException {
        for (String expect : head.fieldLines(HttpSpec.EXPECT)) {
            if (expect.trim().equalsIgnoreCase(HttpSpec.EXPECT_100_CONTINUE)) {
                request.getInputStream().read(new byte[1]);
                break;
            }
        }
        return NO_CONTENT;
    }

    private HttpStatusException tooLarge() {
        return new HttpStatusException(HttpSpec.SC_CONTENT_TOO_LARGE,
                "Upgrade request content exceeds the limit of " + maxContentLength + " bytes");
    }
}
