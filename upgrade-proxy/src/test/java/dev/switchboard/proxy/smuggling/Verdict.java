package dev.switchboard.proxy.smuggling;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The invariant of one generated exchange, checked on what both ends received, and its outcome
 * for the summary. Without a valid 101 from the backend the tunnel must not switch: no raw
 * backend bytes reach the client, and nothing the client sent after its request reaches the
 * backend; with one, the bytes after the 101 arrive unchanged both ways. A request with
 * {@code Transfer-Encoding} never reaches the backend (PRX-08); a response the gateway writes
 * itself is the last on its connection (UPG-16); neither end waits past its hang limit (PRX-09).
 */
record Verdict(String outcome, List<String> violations) {

    static Verdict of(Exchange e, GeneratedClient.Received client, GeneratedBackend.Seen backend) {
        List<String> violations = new ArrayList<>();
        String text = client.text();
        String raw = GeneratedBackend.rawMarker(e.id());
        if (client.hung()) {
            violations.add("the client got no answer or close within " + GeneratedClient.HANG_MILLIS + " ms");
        }
        if (backend != null && backend.problem() != null) {
            violations.add(backend.problem());
        }
        if (e.framing().hasTransferEncoding() && backend != null) {
            violations.add("a request with Transfer-Encoding reached the backend");
        }
        if (backend != null && forwardsFraming(backend.head())) {
            violations.add("the forwarded head carries Transfer-Encoding or a folded line: " + quote(backend.head()));
        }
        int pos = 0;
        int status = -1;
        int headEnd = -1;
        while (pos < text.length()) {
            headEnd = text.indexOf("\r\n\r\n", pos);
            if (headEnd < 0 || !text.startsWith("HTTP/1.1 ", pos) || text.length() < pos + 12) {
                headEnd = -1;
                break;
            }
            status = Integer.parseInt(text.substring(pos + 9, pos + 12));
            headEnd += 4;
            if (status >= 200 || status == 101) {
                break;
            }
            pos = headEnd; // an interim response
            status = -1;
        }
        String outcome;
        if (status == 101) {
            outcome = "switched";
            String trailing = e.framing().trailing(e.body(), e.pipelined());
            if (!e.answer().isValidSwitch()) {
                violations.add("switched on an answer that is not a valid 101");
            }
            if (trailing == null) {
                violations.add("switched a request whose framing is ambiguous");
            }
            String after = text.substring(headEnd);
            if (!after.equals(raw)) {
                violations.add("the client got " + quote(after) + " after the 101, not the backend's " + quote(raw));
            }
            String toBackend = backend == null ? null : new String(backend.after(), StandardCharsets.ISO_8859_1);
            if (trailing != null && !trailing.equals(toBackend)) {
                violations.add("the backend got " + quote(toBackend) + " after the request, not " + quote(trailing));
            }
        } else {
            if (text.contains(raw)) {
                violations.add("raw backend bytes reached the client without a valid 101");
            }
            if (backend != null && backend.after().length > 0) {
                violations.add("bytes after the request reached the backend without a switch: "
                        + quote(new String(backend.after(), StandardCharsets.ISO_8859_1)));
            }
            if (status < 0) {
                outcome = text.isEmpty() ? "closed without a response" : "closed inside a response head";
            } else if (status == finalStatus(e.answer())) {
                outcome = "relayed " + status;
            } else {
                outcome = "refused " + status;
                String rest = afterBody(text, pos, headEnd);
                if (rest == null || !rest.isEmpty()) {
                    violations.add("bytes after the gateway's own " + status + ": " + quote(String.valueOf(rest)));
                }
                if (status == 502 && e.answer().isValidSwitch() && backend != null) {
                    violations.add("a valid 101 was refused");
                }
            }
        }
        return new Verdict(outcome, violations);
    }

    /** Whether a forwarded head has a {@code Transfer-Encoding} field or a line that continues another. */
    private static boolean forwardsFraming(String head) {
        return head.lines().anyMatch(l -> l.toLowerCase(Locale.ROOT).startsWith("transfer-encoding")
                || l.startsWith(" ") || l.startsWith("\t") || l.indexOf('\r') >= 0);
    }

    /** The status of the answer's final response, or -1 if it has none. */
    private static int finalStatus(BackendAnswer answer) {
        String s = answer.bytes();
        int at = 0;
        int status = -1;
        while (s.startsWith("HTTP/1.1 ", at) && s.length() >= at + 12) {
            status = Integer.parseInt(s.substring(at + 9, at + 12));
            int end = s.indexOf("\r\n\r\n", at);
            if (status >= 200 || status == 101 || end < 0) {
                return status;
            }
            at = end + 4;
        }
        return status;
    }

    /** What follows the body of the response whose head ends at {@code headEnd}; null if the body is incomplete. */
    private static String afterBody(String text, int headStart, int headEnd) {
        String head = text.substring(headStart, headEnd).toLowerCase(Locale.ROOT);
        int cl = head.indexOf("\r\ncontent-length:");
        if (cl >= 0) {
            int eol = head.indexOf("\r\n", cl + 2);
            int length = Integer.parseInt(head.substring(cl + 17, eol).trim());
            return text.length() < headEnd + length ? null : text.substring(headEnd + length);
        }
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            int at = headEnd;
            while (true) {
                int eol = text.indexOf("\r\n", at);
                if (eol < 0) {
                    return null;
                }
                int size = Integer.parseInt(text.substring(at, eol).split(";")[0].trim(), 16);
                at = eol + 2 + size + 2;
                if (size == 0) {
                    return text.length() < at ? null : text.substring(at);
                }
            }
        }
        return ""; // no body
    }

    private static String quote(String s) {
        if (s == null) {
            return "nothing (the backend never saw the request)";
        }
        String shown = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return "\"" + shown.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}
