package dev.switchboard.proxy.smuggling;

import java.nio.charset.StandardCharsets;

/**
 * How a generated client frames its upgrade request through the tunnel, including the forms a
 * desynchronisation attack uses (RFC 9112 sections 5.2 and 6.3, RFC 9110 section 8.6). Every
 * framing builds a complete request for {@code /raw/x/<id>} offering {@code echo/1}; those with
 * content carry {@code body}, which may itself look like a request.
 */
enum ClientFraming {

    /** {@code GET} without content. */
    NONE(false),
    /** {@code POST} with {@code Content-Length}. */
    CONTENT_LENGTH(false),
    /** {@code Content-Length: 0} and then bytes that look like a request. */
    CONTENT_LENGTH_ZERO(false),
    /** {@code Transfer-Encoding: chunked}. */
    TRANSFER_ENCODING(true),
    /** {@code Content-Length} then {@code Transfer-Encoding: chunked}, the reported attack. */
    BOTH(true),
    /** {@code Transfer-Encoding: chunked} then {@code Content-Length}. */
    BOTH_REVERSED(true),
    /** {@code Transfer-Encoding : chunked}, whitespace before the colon (RFC 9112 section 5.1: rejected). */
    TRANSFER_ENCODING_SPACE(true),
    /** {@code Transfer-Encoding: identity, chunked}. */
    TRANSFER_ENCODING_LIST(true),
    /** {@code Transfer-Encoding: xchunked} with {@code Content-Length}. */
    TRANSFER_ENCODING_UNKNOWN(true),
    /** Two {@code Content-Length} lines with the same value. */
    DUPLICATE_LENGTH_SAME(false),
    /** Two {@code Content-Length} lines that disagree. */
    DUPLICATE_LENGTH_DIFFERENT(false),
    /** {@code Content-Length: n, n}. */
    LENGTH_LIST(false),
    /** {@code Content-Length: +n}. */
    LENGTH_SIGNED(false),
    /** A folded field line ({@code obs-fold}) that continues {@code Content-Length}. */
    OBS_FOLD_LENGTH(false),
    /**
     * {@code Transfer-Encoding: chunked} as the folded continuation of another field: a parser
     * that unfolds (RFC 9112 section 5.2) sees no framing field, so the chunked bytes follow the
     * request.
     */
    OBS_FOLD_TRANSFER_ENCODING(false),
    /** A bare CR inside a field value. */
    BARE_CR_VALUE(false),
    /** Field lines ended by a bare CR instead of CRLF. */
    BARE_CR_LINE_END(false),
    /** Lines ended by a bare LF (allowed by RFC 9112 section 2.2). */
    BARE_LF(false);

    private final boolean transferEncoding;

    ClientFraming(boolean transferEncoding) {
        this.transferEncoding = transferEncoding;
    }

    /**
     * What follows the request by its framing when the container takes it as the framing says:
     * the bytes a switched tunnel must carry to the backend, nothing more or less. Null where
     * the framing is ambiguous, so that no tunnel may ever carry it.
     */
    String trailing(String body, String after) {
        return switch (this) {
            case NONE, CONTENT_LENGTH, DUPLICATE_LENGTH_SAME, LENGTH_LIST, OBS_FOLD_LENGTH, BARE_LF -> after;
            case CONTENT_LENGTH_ZERO -> body + after;
            case OBS_FOLD_TRANSFER_ENCODING -> Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n" + after;
            default -> null;
        };
    }

    /** Whether the request carries {@code Transfer-Encoding} in some form: the tunnel must never switch it. */
    boolean hasTransferEncoding() {
        return transferEncoding;
    }

    /**
     * The request's bytes: the head and, where the framing has content, {@code body}, then
     * {@code after} (a pipelined request, or nothing).
     */
    byte[] request(String host, long id, String body, String after) {
        String target = "/gw/raw/x/" + id;
        String method = this == NONE ? "GET" : "POST";
        String head = method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: echo/1\r\nConnection: upgrade\r\n";
        int n = body.length();
        String chunked = Integer.toHexString(n) + "\r\n" + body + "\r\n0\r\n\r\n";
        String text = switch (this) {
            case NONE -> head + "\r\n" + after;
            case CONTENT_LENGTH -> head + "Content-Length: " + n + "\r\n\r\n" + body + after;
            case CONTENT_LENGTH_ZERO -> head + "Content-Length: 0\r\n\r\n" + body + after;
            case TRANSFER_ENCODING -> head + "Transfer-Encoding: chunked\r\n\r\n" + chunked + after;
            case BOTH -> head + "Content-Length: " + (5 + n) + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "0\r\n\r\n" + body + after;
            case BOTH_REVERSED -> head + "Transfer-Encoding: chunked\r\nContent-Length: " + n + "\r\n\r\n" + chunked
                    + after;
            case TRANSFER_ENCODING_SPACE -> head + "Transfer-Encoding : chunked\r\nContent-Length: " + n + "\r\n\r\n"
                    + body + after;
            case TRANSFER_ENCODING_LIST -> head + "Transfer-Encoding: identity, chunked\r\n\r\n" + chunked + after;
            case TRANSFER_ENCODING_UNKNOWN -> head + "Transfer-Encoding: xchunked\r\nContent-Length: " + n + "\r\n\r\n"
                    + body + after;
            case DUPLICATE_LENGTH_SAME -> head + "Content-Length: " + n + "\r\nContent-Length: " + n + "\r\n\r\n" + body
                    + after;
            case DUPLICATE_LENGTH_DIFFERENT -> head + "Content-Length: " + n + "\r\nContent-Length: 0\r\n\r\n" + body
                    + after;
            case LENGTH_LIST -> head + "Content-Length: " + n + ", " + n + "\r\n\r\n" + body + after;
            case LENGTH_SIGNED -> head + "Content-Length: +" + n + "\r\n\r\n" + body + after;
            case OBS_FOLD_LENGTH -> head + "Content-Length:\r\n " + n + "\r\n\r\n" + body + after;
            case OBS_FOLD_TRANSFER_ENCODING -> head + "X-Note: a\r\n Transfer-Encoding: chunked\r\n\r\n" + chunked
                    + after;
            case BARE_CR_VALUE -> head + "X-Note: a\rContent-Length: 0\r\nContent-Length: " + n + "\r\n\r\n" + body
                    + after;
            case BARE_CR_LINE_END -> head + "X-Note: a\rContent-Length: " + n + "\r\r\n" + body + after;
            case BARE_LF -> (head + "Content-Length: " + n + "\r\n").replace("\r\n", "\n") + "\n" + body + after;
        };
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
