package dev.switchboard.testing.tls;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;

/**
 * Hand-made TLS records, for tests that must offer what no current JDK client will send.
 */
public final class ClientHellos {

    /** TLS alert content type (RFC 8446 section 5.1). */
    public static final int CONTENT_TYPE_ALERT = 21;
    /** Alert description {@code protocol_version} (RFC 8446 section 6.2). */
    public static final int ALERT_PROTOCOL_VERSION = 70;

    private ClientHellos() {
    }

    /**
     * A complete ClientHello record that offers TLS 1.1 and nothing newer: legacy version
     * 3.2, no {@code supported_versions} extension, CBC suites of that era.
     */
    public static byte[] tls11Only() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(3);
        body.write(2); // client_version TLS 1.1
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.writeBytes(random);
        body.write(0); // no session id
        int[] suites = {0xC009, 0xC013, 0x002F}; // ECDHE_ECDSA / ECDHE_RSA / RSA with AES_128_CBC_SHA
        writeShort(body, suites.length * 2);
        for (int s : suites) {
            writeShort(body, s);
        }
        body.write(1);
        body.write(0); // null compression
        writeShort(body, 0); // no extensions
        byte[] hello = body.toByteArray();

        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(22); // handshake
        record.write(3);
        record.write(1); // record version TLS 1.0, as clients send it
        writeShort(record, hello.length + 4);
        record.write(1); // client_hello
        record.write(0);
        writeShort(record, hello.length);
        record.writeBytes(hello);
        return record.toByteArray();
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >> 8 & 0xff);
        out.write(value & 0xff);
    }
}
