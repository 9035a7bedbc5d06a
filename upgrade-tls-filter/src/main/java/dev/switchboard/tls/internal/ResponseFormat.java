package dev.switchboard.tls.internal;

import java.util.List;
import java.util.Locale;

import dev.switchboard.http.FieldSyntaxException;

/**
 * The body formats of the pages this module writes, and the choice among them by the
 * request's {@code Accept} field (RFC 9110 section 12.5.1): the format with the highest
 * quality wins, by the most specific range that matches it; ties go to plain text, then
 * HTML, then JSON. No {@code Accept}, a malformed one, or one that accepts none of them gives
 * plain text: an error page is sent whatever the client prefers, never a 406.
 */
public enum ResponseFormat {

    TEXT("text", "plain", "text/plain;charset=UTF-8"),
    HTML("text", "html", "text/html;charset=UTF-8"),
    JSON("application", "json", "application/json");

    private final String type;
    private final String subtype;
    private final String contentType;

    ResponseFormat(String type, String subtype, String contentType) {
        this.type = type;
        this.subtype = subtype;
        this.contentType = contentType;
    }

    /** The {@code Content-Type} to send. */
    public String contentType() {
        return contentType;
    }

    /** Chooses by the lines of the request's {@code Accept} field. */
    public static ResponseFormat choose(List<String> acceptLines) {
        if (acceptLines.isEmpty()) {
            return TEXT;
        }
        List<MediaRange> ranges;
        try {
            ranges = MediaRange.parseAccept(acceptLines);
        } catch (FieldSyntaxException e) {
            return TEXT;
        }
        ResponseFormat best = TEXT;
        double bestQuality = 0;
        for (ResponseFormat f : values()) {
            double q = f.quality(ranges);
            if (q > bestQuality) {
                best = f;
                bestQuality = q;
            }
        }
        return best;
    }

    private double quality(List<MediaRange> ranges) {
        int bestSpecificity = -1;
        double quality = 0;
        for (MediaRange r : ranges) {
            int specificity = r.specificity(type, subtype);
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = r.quality();
            }
        }
        return quality;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
