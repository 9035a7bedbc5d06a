package dev.switchboard.http;

/**
 * Makes peer-controlled text safe to echo in a one-line reason: control characters and
 * non-ASCII bytes are written as {@code \xNN} and the result is capped in length, so that
 * a reason can never split a response or grow without bound.
 */
public final class OneLine {

    /** Reasons longer than this are cut and end in an ellipsis. */
    public static final int MAX_LENGTH = 200;

    private OneLine() {
    }

    /** Returns {@code text} escaped to printable ASCII and cut to {@link #MAX_LENGTH}. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 8);
        for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\x%02X", (int) c & 0xff));
            }
        }
        if (out.length() >= MAX_LENGTH && out.length() < text.length()) {
            out.setLength(MAX_LENGTH - 3);
            out.append("...");
        }
        return out.toString();
    }

}
