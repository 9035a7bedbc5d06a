package dev.switchboard.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import dev.switchboard.http.Candidate;
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
     * Switches {@code request}'s connection to the protocol of {@code candidate}.
     *
     * @throws HttpStatusException (413, 400) if the content is too large or incomplete; nothing
     *     has been written then
     */
    void switchTo(HttpServletRequest request, HttpServletResponse response, RequestHead head,
            Candidate<UpgradeProtocol> candidate, Decision.Switch decision, ProtocolStatistics stats)
            throws IOException, ServletException {
        Upgrade upgradeField = upgradeField(candidate, decision);
        byte[] content = head.hasContent() ? readContent(request, head) : awaitContinue(request, head);

        writeHead(response, upgradeField, decision.fields());
        if (decision.factory() != null) {
            HandlerOptions limits = decision.limits() == null ? handlerOptions : decision.limits();
            ContainerUpgrade.EngineSwitch switched = upgrade.upgradeToEngine(request);
            // Point of no return: the connection now belongs to the engine.
            writeHead(response, upgradeField, decision.fields());
            stats.upgraded();
            switched.bind(new SessionSetup(decision.factory(), stats, limits, content, scheduler.get()));
            return;
        }
        upgrade.upgrade(request, decision.handlerType());
        // Point of no return: the connection now belongs to the handler.
        writeHead(response, upgradeField, decision.fields());
        stats.upgraded();
    }

    private static Upgrade upgradeField(Candidate<UpgradeProtocol> candidate, Decision.Switch decision) {
        List<ProtocolToken> stack = decision.upgradeField();
        if (stack == null) {
            return Upgrade.of(candidate.token());
        }
        if (!stack.contains(candidate.token())) {
            throw new IllegalStateException("protocol " + candidate.protocol().name() + " switched to " + stack
                    + ", which does not contain the offered " + candidate.token());
        }
        return Upgrade.of(stack);
    }

    private static void writeHead(HttpServletResponse response, Upgrade upgrade, Map<String, String> fields) {
        response.setStatus(HttpSpec.SC_SWITCHING_PROTOCOLS);
        response.setHeader(HttpSpec.UPGRADE, upgrade.toHeaderValue());
        response.setHeader(HttpSpec.CONNECTION, HttpSpec.CONNECTION_OPTION_UPGRADE);
        fields.forEach(response::setHeader);
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
