package dev.switchboard.micrometer;

/**
 * The {@code code} tag of a close (RFC 6455 section 7.4): a peer may send any code from 1000
 * to 4999, so only the codes the RFC and the IANA registry define (1000 to 1015) are tags of
 * their own; the ranges for libraries (3000-3999) and applications (4000-4999) are one tag
 * each, and anything else is {@code other}. At most 19 values, whatever peers send.
 */
final class CloseCodes {

    private CloseCodes() {
    }

    static String tag(int code) {
        if (code >= 1000 && code <= 1015) {
            return Integer.toString(code);
        }
        if (code >= 3000 && code <= 3999) {
            return "3xxx";
        }
        if (code >= 4000 && code <= 4999) {
            return "4xxx";
        }
        return "other";
    }
}
