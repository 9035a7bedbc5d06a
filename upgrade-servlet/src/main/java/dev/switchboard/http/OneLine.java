package dev.switchboard.http;

/**
 * Makes peer-controlled text safe to echo in a one-line reason: control characters and
 * non-ASCII characters are written as {@code \xNN} (or {@code &#92;uNNNN} above U+00FF) and the
 * result is capped in length, so that a reason can never split a response or grow without
 * bound.
 */
public final class OneLine {

    /** Reasons longer than this are cut and end in an ellipsis. */
    public static final int MAX_LENGTH = 200;

    private static final String ELLIPSIS = "...";

    private OneLine() {
    }

    /**
     * Returns {@code text} escaped to printable ASCII. When the escaped text is longer than
     * {@link #MAX_LENGTH}, it is cut between two escapes and ends in {@code ...}, so the
     * result is never longer than {@link #MAX_LENGTH}. {@code null} gives the empty string.
     */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 8);
        int cut = 0; // the longest prefix after which an ellipsis still fits
        for (int i = 0; i < text.length(); i++) {
            if (out.length() <= MAX_LENGTH - ELLIPSIS.length()) {
                cut = out.length();
            }
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else if (c <= 0xff) {
                out.append(String.format("\\x%02X", (int) c));
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
            if (out.length() > MAX_LENGTH) {
                out.setLength(cut);
                return out.append(ELLIPSIS).toString();
            }
        }
        return out.toString();
    }
}
