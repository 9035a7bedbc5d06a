package dev.switchboard.proxy.smuggling;

/**
 * What a generated backend answers to the tunnel's forwarded request: 1xx chains, valid and
 * invalid 101s, answers other than 101 in every framing, truncated heads and bodies, early
 * closes and resets, and backends that stall past the tunnel's deadline. Each answer says
 * whether it is a valid switch to {@code echo/1} (RFC 9110 sections 7.8 and 15.2.2), and
 * whether the tunnel can tell where it ends, in which case the backend sends raw bytes after it
 * that no client may ever receive.
 */
enum BackendAnswer {

    SWITCH(Kind.VALID_SWITCH, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n"),
    SWITCH_NO_REASON(Kind.VALID_SWITCH, "HTTP/1.1 101\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n"),
    SWITCH_BARE_LF(Kind.VALID_SWITCH, "HTTP/1.1 101 Switching Protocols\nUpgrade: echo/1\nConnection: upgrade\n\n"),
    SWITCH_LIST(Kind.VALID_SWITCH, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1, foo/2\r\nConnection: upgrade\r\n"
            + "X-Extra: 1\r\n\r\n"),
    SWITCH_AFTER_100(Kind.VALID_SWITCH, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 101 Switching Protocols\r\n"
            + "Upgrade: echo/1\r\nConnection: upgrade\r\n\r\n"),
    SWITCH_AFTER_103(Kind.VALID_SWITCH, "HTTP/1.1 103 Early Hints\r\nLink: </a>; rel=preload\r\n\r\n"
            + "HTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\n"
            + "Connection: upgrade\r\n\r\n"),
    SWITCH_AFTER_NINE_100(Kind.INVALID, "HTTP/1.1 100 Continue\r\n\r\n".repeat(9) + "HTTP/1.1 101 Switching Protocols\r\n"
            + "Upgrade: echo/1\r\nConnection: upgrade\r\n\r\n"),
    SWITCH_WITHOUT_UPGRADE(Kind.INVALID, "HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\n\r\n"),
    SWITCH_TO_OTHER(Kind.INVALID, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: upgrade\r\n\r\n"),
    SWITCH_BAD_UPGRADE(Kind.INVALID, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1/2, @\r\n"
            + "Connection: upgrade\r\n\r\n"),
    SWITCH_FOLDED(Kind.INVALID, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: foo/2,\r\n echo/1\r\n"
            + "Connection: upgrade\r\n\r\n"),
    SWITCH_BARE_CR(Kind.INVALID, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\rX: y\r\nConnection: upgrade\r\n\r\n"),
    SWITCH_SPACE_BEFORE_COLON(Kind.INVALID, "HTTP/1.1 101 Switching Protocols\r\nUpgrade : echo/1\r\n"
            + "Connection: upgrade\r\n\r\n"),
    SWITCH_BAD_STATUS_LINE(Kind.INVALID, "HTTP/1.1 101Switching Protocols\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n"),
    SWITCH_HTTP2_VERSION(Kind.INVALID, "HTTP/2 101 Switching Protocols\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n"),
    SWITCH_CONTROL_IN_VALUE(Kind.INVALID, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\nX: a\u0000b\r\n"
            + "Connection: upgrade\r\n\r\n"),
    SWITCH_HEAD_TOO_LARGE(Kind.INVALID, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n"
            + "X-Big: " + "b".repeat(9_000) + "\r\n\r\n"),
    OK_LENGTH(Kind.FRAMED, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello"),
    OK_CHUNKED(Kind.FRAMED, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"),
    OK_CHUNKED_EXTENSIONS(Kind.FRAMED, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;a=b\r\nhello\r\n"
            + "0\r\nX-Trailer: t\r\n\r\n"),
    OK_CLOSE_DELIMITED(Kind.UNFRAMED, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nbody until close"),
    NO_CONTENT(Kind.FRAMED, "HTTP/1.1 204 No Content\r\n\r\n"),
    NOT_MODIFIED(Kind.FRAMED, "HTTP/1.1 304 Not Modified\r\nETag: \"a\"\r\n\r\n"),
    UPGRADE_REQUIRED(Kind.FRAMED, "HTTP/1.1 426 Upgrade Required\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n"
            + "Content-Length: 0\r\n\r\n"),
    NOT_FOUND_WITH_UPGRADE(Kind.FRAMED, "HTTP/1.1 404 Not Found\r\nUpgrade: echo/1\r\nContent-Length: 3\r\n\r\nno!"),
    OK_BOTH_FRAMINGS(Kind.FRAMED, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\nhello\r\n0\r\n\r\n"),
    OK_LENGTHS_DISAGREE(Kind.FRAMED, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello"),
    OK_LENGTH_INVALID(Kind.FRAMED, "HTTP/1.1 200 OK\r\nContent-Length: 5x\r\n\r\nhello"),
    OK_CHUNK_SIZE_INVALID(Kind.FRAMED, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"),
    OK_GZIP_NOT_CHUNKED(Kind.UNFRAMED, "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nnot gzip, until close"),
    OK_FOLDED(Kind.FRAMED, "HTTP/1.1 200 OK\r\nX-A: 1\r\n 2\r\nContent-Length: 0\r\n\r\n"),
    HEAD_TRUNCATED(Kind.TRUNCATED, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\nConn"),
    STATUS_TRUNCATED(Kind.TRUNCATED, "HTTP/1.1 1"),
    BODY_TRUNCATED(Kind.TRUNCATED, "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nonly this"),
    CHUNKED_TRUNCATED(Kind.TRUNCATED, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nonly"),
    CLOSE_AT_ONCE(Kind.TRUNCATED, ""),
    RESET_AT_ONCE(Kind.RESET, ""),
    RESET_AFTER_HEAD(Kind.RESET, "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\npart"),
    STALL(Kind.STALL, ""),
    STALL_INSIDE_HEAD(Kind.STALL, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\n"),
    TRICKLE_HEAD(Kind.TRICKLE, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n\r\n"),
    STREAM_BODY(Kind.STREAM, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"),
    NEVER_READS(Kind.NEVER_READS, "");

    /** How the answer ends and what the backend does after it. */
    enum Kind {
        /** A valid 101 to {@code echo/1}: raw bytes follow in both directions. */
        VALID_SWITCH,
        /** A head the tunnel must refuse (502): then raw bytes the client must never see. */
        INVALID,
        /** A complete answer other than 101 whose end the framing marks: then raw bytes the client must never see. */
        FRAMED,
        /** An answer other than 101 that ends when the backend closes. */
        UNFRAMED,
        /** The bytes, then the backend closes. */
        TRUNCATED,
        /** The bytes, then a reset. */
        RESET,
        /** The bytes, then nothing until the tunnel gives up. */
        STALL,
        /** The bytes one at a time, slower than the deadline allows. */
        TRICKLE,
        /** A chunked answer whose chunks never end. */
        STREAM,
        /** Nothing is read and nothing is answered. */
        NEVER_READS
    }

    private final Kind kind;
    private final String bytes;

    BackendAnswer(Kind kind, String bytes) {
        this.kind = kind;
        this.bytes = bytes;
    }

    Kind kind() {
        return kind;
    }

    /** The answer's bytes as the backend sends them, before whatever {@link #kind()} adds. */
    String bytes() {
        return bytes;
    }

    /** Whether the tunnel may, and must, switch on this answer. */
    boolean isValidSwitch() {
        return kind == Kind.VALID_SWITCH;
    }

    /** Whether raw bytes follow the answer that must never reach the client. */
    boolean sendsRawAfter() {
        return kind == Kind.INVALID || kind == Kind.FRAMED;
    }
}
