package dev.switchboard.servlet;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.switchboard.http.Candidate;
import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.HttpVersion;
import dev.switchboard.http.Negotiation;
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

    void dispatch(UpgradeNegotiator<UpgradeProtocol> negotiator, Exchange exchange, Stage.Next next)
            throws IOException, ServletException {
        HttpServletRequest request = exchange.request();
        HttpServletResponse response = exchange.response();
        long received = System.nanoTime();
        statistics.upgradeRequest();
        Optional<HttpStatusException> misdirected =
                allowedHosts.refusal(request.getHeader(HttpSpec.HOST), request.isSecure() ? 443 : 80);
        if (misdirected.isPresent()) {
            statistics.rejected("host");
            Refusals.refuseUpgrade(response, misdirected.get());
            return;
        }
        RequestHead head = new ServletRequestHead(request);
        Negotiation<UpgradeProtocol> negotiation = negotiator.negotiate(head, exchange.upgrade());

        if (negotiation instanceof Negotiation.Ignore<UpgradeProtocol> ignore) {
            statistics.ignored(ignore.kind());
            LOG.log(Level.FINE, "Ignoring Upgrade: {0}", ignore.reason());
            advertise(request, response);
            exchange.wrapRequest(new UpgradeHidingRequest(request));
            next.proceed();
            return;
        }
        if (negotiation instanceof Negotiation.Reject<UpgradeProtocol> reject) {
            statistics.rejected(reject.kind());
            Refusals.refuseUpgrade(response, reject.error());
            return;
        }
        Negotiation.Candidates<UpgradeProtocol> candidates = (Negotiation.Candidates<UpgradeProtocol>) negotiation;
        for (Negotiation.Skipped<UpgradeProtocol> skipped : candidates.skipped()) {
            statistics.forProtocol(skipped.candidate().protocol().name()).skipped();
            LOG.log(Level.FINE, "Skipping {0}: {1}", new Object[] {skipped.candidate().token(), skipped.reason()});
        }
        for (Candidate<UpgradeProtocol> candidate : candidates.candidates()) {
            Step step = ask(candidate, candidates, head, request, response, received);
            if (step == Step.DONE) {
                return;
            }
            if (step == Step.CHAIN) {
                next.proceed();
                countIfSwitched(statistics.forProtocol(candidate.protocol().name()), response, received);
                return;
            }
        }
        statistics.unmatched();
        advertise(request, response);
        next.proceed();
    }

    /** What the walk does after asking one candidate. */
    private enum Step {
        /** Ask the next candidate. */
        NEXT,
        /** The response is complete (switched, refused or handled). */
        DONE,
        /** Stop asking and pass the request down the chain unchanged. */
        CHAIN
    }

    private Step ask(Candidate<UpgradeProtocol> candidate, Negotiation.Candidates<UpgradeProtocol> candidates,
            RequestHead head, HttpServletRequest request, HttpServletResponse response, long received)
            throws IOException, ServletException {
        UpgradeProtocol protocol = candidate.protocol();
        ProtocolStatistics stats = statistics.forProtocol(protocol.name());
        Decision decision;
        try {
            decision = protocol.decide(new UpgradeRequest(request, response, head, candidate.offered(), candidate.token(),
                    candidates.upgrade(), candidates.connection()));
        } catch (HttpStatusException e) {
            decision = Decision.refuse(e);
        }
        if (decision instanceof Decision.Decline decline) {
            stats.declined();
            LOG.log(Level.FINE, "{0} declined: {1}", new Object[] {protocol.name(), decline.reason()});
            return Step.NEXT;
        }
        if (decision instanceof Decision.Refuse refuse) {
            stats.refused(refuse.kind());
            Refusals.refuseUpgrade(response, refuse.error());
            return Step.DONE;
        }
        if (decision instanceof Decision.Switch doSwitch) {
            try {
                switcher.switchTo(request, response, head, candidate, doSwitch, stats);
                stats.handshakeTook(since(received));
            } catch (HttpStatusException e) {
                stats.refused(String.valueOf(e.status()));
                Refusals.refuseUpgrade(response, e);
            }
            return Step.DONE;
        }
        if (decision instanceof Decision.Delegate) {
            stats.delegated();
            return Step.CHAIN;
        }
        countIfSwitched(stats, response, received); // Handled: the protocol answered the request itself
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
