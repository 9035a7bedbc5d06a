package dev.switchboard.servlet;

import java.util.Map;

/** Counters of the upgrade requests one web application received, as exposed over JMX. */
public interface UpgradeFilterStatisticsMXBean {

    /** Requests that carried an {@code Upgrade} field. */
    long getUpgradeRequests();

    /** Requests whose {@code Upgrade} field was ignored (HTTP/1.0, no {@code upgrade} option, ...). */
    long getIgnored();

    /** Ignored requests by label, such as {@code http-1.0}. */
    Map<String, Long> getIgnoredByReason();

    /** Requests refused before any protocol was asked (malformed or oversized field). */
    long getRejected();

    /** Rejected requests by label, such as {@code invalid-field}. */
    Map<String, Long> getRejectedByReason();

    /** Requests for which no protocol switched; they were served as ordinary requests. */
    long getUnmatched();
}
