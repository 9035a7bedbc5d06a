package dev.switchboard.servlet;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.http.Candidate;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.HttpVersion;
import dev.switchboard.http.Negotiation;
import dev.switchboard.http.ProtocolToken;
import dev.switchboard.http.RequestHead;
import dev.switchboard.http.Upgrade;
import dev.switchboard.http.UpgradeNegotiator;
import dev.switchboard.servlet.internal.UpgradeHidingRequest;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Acts on a negotiation: walks the candidates, asks each protocol, and carries out its
 * decision. Every failure that comes from the peer ends here as a 4xx written by
 * {@link Refusals}.
 */
final class UpgradeDispatcher {

    private static final Logger LOG = Logger.getLogger(UpgradeDispatcher.class.getName());

    private final UpgradeStatistics statistics;
    private final Switcher switcher;
    private final Upgrade advertise;
    private final AllowedHosts allowedHosts;

    UpgradeDispatcher(UpgradeStatistics statistics, Switcher switcher, Upgrade advertise, AllowedHosts allowedHosts) {
        this.statistics = statistics;
        this.switcher = switcher;
        this.advertise = advertise;
        this.allowedHosts = allowedHosts;
    }

    /**
     * Acts on one request with an {@code Upgrade} field.
     *
     * @param routed the routed protocol that claims the request, or null
     * @param routesOnly whether only routed protocols are served: a request that none takes
     *     (not claimed, ignored, declined) passes on untouched
     */
    void dispatch(UpgradeNegotiator<UpgradeProtocol> negotiator, RoutedProtocol routed, boolean routesOnly,
            Exchange exchange, Stage.Next next) throws IOException, ServletException {
        HttpServletRequest request = exchange.request();
        HttpServletResponse response = exchange.response();
        long received = System.nanoTime();
        statistics.upgradeRequest();
        Optional<HttpStatusException> misdirected =
                allowedHosts.refusal(request.getHeader(HttpSpec.HOST), request.isSecure() ? 443 : 80);
        if (misdirected.isPresent()) {
            reject(routed, "host", misdirected.get(), response);
            return;
        }
        RequestHead head = new ServletRequestHead(request);
        Negotiation<UpgradeProtocol> negotiation = negotiator.negotiate(head, exchange.upgrade());

        if (negotiation instanceof Negotiation.Ignore<UpgradeProtocol> ignore) {
            if (refusedAsBrokenHandshake(negotiator, head, exchange.upgrade().offeredOrNull(), response)) {
                return;
            }
            statistics.ignored(ignore.kind());
            LOG.log(Level.FINE, "Ignoring Upgrade: {0}", ignore.reason());
            if (!routesOnly) {
                advertise(request, response);
                exchange.wrapRequest(new UpgradeHidingRequest(request));
            }
            next.proceed();
            return;
        }
        if (negotiation instanceof Negotiation.Reject<UpgradeProtocol> reject) {
            reject(routed, reject.kind(), reject.error(), response);
            return;
        }
        Negotiation.Candidates<UpgradeProtocol> candidates = (Negotiation.Candidates<UpgradeProtocol>) negotiation;
        Call call = new Call(request, response, head, candidates.upgrade(), received, next);
        if (routed != null) {
            ProtocolToken first = candidates.upgrade().protocols().get(0);
            Step step = act(routed.name(), null, () -> routed.decide(new UpgradeRequest(request, response, head,
                    first, first, candidates.upgrade(), candidates.connection())), call);
            if (step == Step.DONE) {
                return;
            }
            if (routesOnly) {
                next.proceed(); // a routed protocol declined where only routes are served
                return;
            }
        }
        for (Negotiation.Skipped<UpgradeProtocol> skipped : candidates.skipped()) {
            statistics.forProtocol(skipped.candidate().protocol().name()).skipped();
            LOG.log(Level.FINE, "Skipping {0}: {1}", new Object[] {skipped.candidate().token(), skipped.reason()});
        }
        for (Candidate<UpgradeProtocol> candidate : candidates.candidates()) {
            UpgradeProtocol protocol = candidate.protocol();
            Step step = act(protocol.name(), candidate.token(), () -> protocol.decide(new UpgradeRequest(request,
                    response, head, candidate.offered(), candidate.token(), candidates.upgrade(),
                    candidates.connection())), call);
            if (step == Step.DONE) {
                return;
            }
        }
        statistics.unmatched();
        advertise(request, response);
        next.proceed();
    }

    /**
     * Asks the protocols whose tokens an ignored request offers whether it is a broken
     * handshake of theirs ({@link UpgradeProtocol#whenIgnored}), and refuses it if one says so.
     *
     * @return true if the request was refused
     */
    private boolean refusedAsBrokenHandshake(UpgradeNegotiator<UpgradeProtocol> negotiator, RequestHead head,
            Upgrade offered, HttpServletResponse response) throws IOException {
        if (offered == null) {
            return false;
        }
        for (Map.Entry<ProtocolToken, List<UpgradeProtocol>> entry : negotiator.protocolsByToken().entrySet()) {
            if (!offered.offers(entry.getKey())) {
                continue;
            }
            for (UpgradeProtocol protocol : entry.getValue()) {
                Optional<Decision.Refuse> refusal = refusalOrNothing(protocol, head, offered);
                if (refusal.isPresent()) {
                    statistics.forProtocol(protocol.name()).refused(refusal.get().kind());
                    Refusals.refuseUpgrade(response, refusal.get().error());
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<Decision.Refuse> refusalOrNothing(UpgradeProtocol protocol, RequestHead head,
            Upgrade offered) {
        try {
            return protocol.whenIgnored(head, offered);
        } catch (HttpStatusException e) {
            return Optional.of(Decision.refuse(e));
        }
    }

    /** What the walk does after asking one protocol. */
    private enum Step {
        /** Ask the next candidate. */
        NEXT,
        /** The response is complete: switched, refused, answered, handled, or passed down the chain. */
        DONE
    }

    /** The request being walked, and the rest of the chain. */
    private record Call(HttpServletRequest request, HttpServletResponse response, RequestHead head, Upgrade offers,
            long received, Stage.Next next) {
    }

    /** Asks a protocol for its decision. */
    private interface Ask {
        Decision decide();
    }

    /** A refusal before any protocol was asked; a routed protocol that claims the request is told. */
    private void reject(RoutedProtocol routed, String kind, HttpStatusException error, HttpServletResponse response)
            throws IOException {
        statistics.rejected(kind);
        if (routed != null) {
            routed.refusedAtTheDoor(kind, error);
        }
        Refusals.refuseUpgrade(response, error);
    }

    /**
     * Asks one protocol and carries out its decision.
     *
     * @param token the token that matched, or null for a routed protocol (the 101 names its stack)
     */
    private Step act(String name, ProtocolToken token, Ask ask, Call call) throws IOException, ServletException {
        ProtocolStatistics stats = statistics.forProtocol(name);
        Decision decision;
        try {
            decision = ask.decide();
        } catch (HttpStatusException e) {
            decision = Decision.refuse(e);
        }
        if (decision instanceof Decision.Decline decline) {
            stats.declined();
            LOG.log(Level.FINE, "{0} declined: {1}", new Object[] {name, decline.reason()});
            return Step.NEXT;
        }
        if (decision instanceof Decision.Refuse refuse) {
            stats.refused(refuse.kind());
            Refusals.refuseUpgrade(call.response(), refuse.error());
            return Step.DONE;
        }
        if (decision instanceof Decision.Switch doSwitch) {
            try {
                switcher.switchTo(call.request(), call.response(), call.head(), token, call.offers(), name, doSwitch,
                        stats);
                stats.handshakeTook(since(call.received()));
            } catch (HttpStatusException e) {
                stats.refused(String.valueOf(e.status()));
                Refusals.refuseUpgrade(call.response(), e);
            }
            return Step.DONE;
        }
        if (decision instanceof Decision.Respond respond) {
            respond.writer().writeTo(call.response());
            return Step.DONE;
        }
        if (decision instanceof Decision.Delegate delegate) {
            stats.delegated();
            try {
                call.next().proceed();
            } finally {
                delegate.cleanup().run();
            }
            countIfSwitched(stats, call.response(), call.received());
            return Step.DONE;
        }
        countIfSwitched(stats, call.response(), call.received()); // Handled: the protocol answered the request itself
        return Step.DONE;
    }

    /**
     * Counts an upgrade that the protocol or the chain performed itself (a container's
     * WebSocket handshake): the response's status is the only sign of it.
     */
    private static void countIfSwitched(ProtocolStatistics stats, HttpServletResponse response, long received) {
        if (response.getStatus() == HttpServletResponse.SC_SWITCHING_PROTOCOLS) {
            stats.upgraded();
            stats.handshakeTook(since(received));
        }
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    /** Advertises the configured protocols on a response that does not switch (RFC 9110 section 7.8). */
    private void advertise(HttpServletRequest request, HttpServletResponse response) {
        if (advertise != null && HttpVersion.allowsUpgrade(request.getProtocol())) {
            response.setHeader(HttpSpec.UPGRADE, advertise.toHeaderValue());
            response.setHeader(HttpSpec.CONNECTION, HttpSpec.CONNECTION_OPTION_UPGRADE);
        }
    }
}
