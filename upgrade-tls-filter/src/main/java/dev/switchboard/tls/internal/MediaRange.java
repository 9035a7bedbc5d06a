package dev.switchboard.tls.internal;

import java.util.List;
import java.util.Locale;

import dev.switchboard.http.FieldSyntaxException;
import dev.switchboard.http.FieldReader;
import dev.switchboard.http.HttpSpec;

/**
 * One element of an {@code Accept} field: {@code type/subtype}, {@code type/*} or
 * {@code *}{@code /*}, with its quality (RFC 9110 sections 12.4.2 and 12.5.1). Immutable.
 *
 * @param type lower-case type, or {@code *}
 * @param subtype lower-case subtype, or {@code *}
 * @param quality 0 to 1; 1 when no {@code q} parameter was given
 */
public record MediaRange(String type, String subtype, double quality) {

    /**
     * Parses every line of an {@code Accept} field, combined in order.
     *
     * @throws FieldSyntaxException if a range or its quality is malformed
     */
    public static List<MediaRange> parseAccept(Iterable<String> lines) {
        return FieldReader.parseList(HttpSpec.ACCEPT, lines, false, MediaRange::read);
    }

    private static MediaRange read(FieldReader r) {
        String type = r.token().toLowerCase(Locale.ROOT);
        r.expect('/');
        String subtype = r.token().toLowerCase(Locale.ROOT);
        if (type.equals("*") && !subtype.equals("*")) {
            throw r.problem("media range */" + subtype + " is not allowed");
        }
        double quality = 1;
        while (true) {
            r.skipOws();
            if (!r.consume(';')) {
                break;
            }
            r.skipOws();
            String name = r.token().toLowerCase(Locale.ROOT);
            r.expect('=');
            String value = r.tokenOrQuotedString();
            if (name.equals("q")) {
                quality = qvalue(r, value);
            }
        }
        return new MediaRange(type, subtype, quality);
    }

    /** {@code qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )} (RFC 9110 section 12.4.2). */
    private static double qvalue(FieldReader r, String value) {
        if (!value.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?")) {
            throw r.problem("expected a quality from 0 to 1 with at most 3 decimals but was \"" + value + "\"");
        }
        return Double.parseDouble(value);
    }

    /**
     * How specifically this range names {@code type/subtype}: 2 exactly, 1 by type, 0 by
     * {@code *}{@code /*}, -1 not at all.
     */
    public int specificity(String otherType, String otherSubtype) {
        if (type.equals("*")) {
            return 0;
        }
        if (!type.equals(otherType)) {
            return -1;
        }
        if (subtype.equals("*")) {
            return 1;
        }
        return subtype.equals(otherSubtype) ? 2 : -1;
    }
}
