package dev.switchboard.proxy.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.switchboard.http.HttpSpec;
import dev.switchboard.http.HttpStatusException;
import dev.switchboard.http.OneLine;
import dev.switchboard.http.FieldReader;

/**
 * Parses a backend's response head (RFC 9112 sections 4 and 5) strictly, because whatever it
 * accepts decides whether a client connection becomes a tunnel: a status line
 * {@code HTTP/1.x NNN [reason]}, then field lines {@code name: value}, then an empty line.
 * Lines end in CRLF or a bare LF (section 2.2); a bare CR, a field name that is not a token,
 * whitespace before the colon, a control character in a value and a folded line
 * ({@code obs-fold}) are all errors. Every error is a 502 with a one-line reason.
 */
final class ResponseHeadParser {

    private ResponseHeadParser() {
    }

    /**
     * Where the head in {@code buf[0..len)} ends: the offset just past its empty line, or -1
     * if the empty line has not arrived yet. {@code from} is where the previous search stopped.
     */
    static int endOfHead(byte[] buf, int from, int len) {
        for (int i = Math.max(from, 1); i < len; i++) {
            if (buf[i] != '\n') {
                continue;
            }
            if (buf[i - 1] == '\n') {
                return i + 1;
            }
            if (buf[i - 1] == '\r' && i >= 2 && buf[i - 2] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * Parses the head in {@code buf[0..end)}, where {@code end} came from {@link #endOfHead}.
     *
     * @throws HttpStatusException (502) if the head is malformed
     */
    static BackendResponse parse(byte[] buf, int end) {
        String text = new String(buf, 0, end, StandardCharsets.ISO_8859_1);
        List<String> lines = lines(text);
        String statusLine = lines.get(0);
        int status = status(statusLine);
        String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
        requireFieldText(reason, "reason phrase");
        List<BackendResponse.Field> fields = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            fields.add(field(lines.get(i)));
        }
        return new BackendResponse(status, reason, fields);
    }

    /** The lines of the head without their terminators, the final empty line left out. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int lf = text.indexOf('\n', start);
            int stop = lf > start && text.charAt(lf - 1) == '\r' ? lf - 1 : lf;
            String line = text.substring(start, stop);
            if (line.indexOf('\r') >= 0) {
                throw invalid("a bare CR in line \"" + line + "\"");
            }
            if (line.isEmpty()) {
                if (out.isEmpty()) {
                    throw invalid("an empty line where the status line belongs");
                }
                return out;
            }
            out.add(line);
            start = lf + 1;
        }
    }

    private static int status(String line) {
        // HTTP-version SP status-code [SP reason-phrase]: "HTTP/1.1 101" is 12 characters.
        boolean ok = line.length() >= 12 && line.startsWith("HTTP/1.") && isDigit(line.charAt(7))
                && line.charAt(8) == ' ' && isDigit(line.charAt(9)) && isDigit(line.charAt(10))
                && isDigit(line.charAt(11)) && (line.length() == 12 || line.charAt(12) == ' ');
        if (!ok) {
            throw invalid("expected a status line such as HTTP/1.1 101 but was \"" + line + "\"");
        }
        int status = Integer.parseInt(line.substring(9, 12));
        if (status < 100) {
            throw invalid("status " + status + " is not in 100..999");
        }
        return status;
    }

    private static BackendResponse.Field field(String line) {
        char first = line.charAt(0);
        if (first == ' ' || first == '\t') {
            throw invalid("a folded field line (obs-fold): \"" + line + "\"");
        }
        int colon = line.indexOf(':');
        if (colon <= 0 || !FieldReader.isToken(line.substring(0, colon))) {
            throw invalid("expected a field line such as Upgrade: websocket but was \"" + line + "\"");
        }
        String value = line.substring(colon + 1).strip();
        requireFieldText(value, "value of " + line.substring(0, colon));
        return new BackendResponse.Field(line.substring(0, colon), value);
    }

    /** Field values and reasons may hold HTAB, SP, VCHAR and obs-text (RFC 9110 section 5.5). */
    private static void requireFieldText(String s, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw invalid("a control character in the " + what);
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static HttpStatusException invalid(String problem) {
        return new TunnelFailure(HttpSpec.SC_BAD_GATEWAY, "bad-response",
                "Backend sent an invalid response head: " + OneLine.of(problem));
    }
}
