package dev.switchboard.it.app.ipp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A minimal IPP printer (RFC 8010/8011) for real IPP clients such as CUPS' {@code ipptool}:
 * answers every {@code application/ipp} request with {@code successful-ok}, echoing its
 * version and request id, and the printer attributes that CUPS'
 * {@code get-printer-attributes.test} expects. It also says, in {@code printer-info}, whether
 * the request came over TLS. Not a printer: nothing is ever printed.
 */
public class IppPrinterServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final int OPERATION_GROUP = 0x01;
    private static final int PRINTER_GROUP = 0x04;
    private static final int END = 0x03;
    private static final int INTEGER = 0x21;
    private static final int BOOLEAN = 0x22;
    private static final int ENUM = 0x23;
    private static final int TEXT = 0x41;
    private static final int NAME = 0x42;
    private static final int KEYWORD = 0x44;
    private static final int URI = 0x45;
    private static final int CHARSET = 0x47;
    private static final int LANGUAGE = 0x48;
    private static final int MIME = 0x49;
    private static final int BEGIN_COLLECTION = 0x34;
    private static final int END_COLLECTION = 0x37;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] in = request.getInputStream().readAllBytes();
        if (in.length < 8 || request.getContentType() == null || !request.getContentType().startsWith("application/ipp")) {
            response.sendError(400, "expected an application/ipp request");
            return;
        }
        String uri = (request.isSecure() ? "ipps://" : "ipp://") + request.getServerName() + ":" + request.getServerPort()
                + request.getRequestURI();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        out.write(in[0]);
        out.write(in[1]);
        out.write(0);
        out.write(0); // successful-ok
        out.write(in, 4, 4); // request-id
        out.write(OPERATION_GROUP);
        attribute(out, CHARSET, "attributes-charset", "utf-8");
        attribute(out, LANGUAGE, "attributes-natural-language", "en");
        out.write(PRINTER_GROUP);
        attribute(out, CHARSET, "charset-configured", "utf-8");
        attribute(out, CHARSET, "charset-supported", "utf-8");
        attribute(out, KEYWORD, "compression-supported", "none");
        attribute(out, MIME, "document-format-default", "application/octet-stream");
        attribute(out, MIME, "document-format-supported", "application/octet-stream");
        attribute(out, LANGUAGE, "generated-natural-language-supported", "en");
        attribute(out, KEYWORD, "ipp-versions-supported", "2.0");
        out.write(BEGIN_COLLECTION);
        name(out, "media-col-default");
        value(out, new byte[0]);
        out.write(END_COLLECTION);
        name(out, "");
        value(out, new byte[0]);
        attribute(out, LANGUAGE, "natural-language-configured", "en");
        integer(out, ENUM, "operations-supported", 0x000B); // Get-Printer-Attributes
        attribute(out, TEXT, "printer-info", request.isSecure() ? "over TLS" : "in cleartext");
        out.write(BOOLEAN);
        name(out, "printer-is-accepting-jobs");
        value(out, new byte[] {0});
        attribute(out, TEXT, "printer-location", "nowhere");
        attribute(out, TEXT, "printer-make-and-model", "Switchboard test printer");
        attribute(out, URI, "printer-more-info", uri);
        attribute(out, NAME, "printer-name", "switchboard");
        integer(out, ENUM, "printer-state", 3); // idle
        attribute(out, KEYWORD, "printer-state-reasons", "none");
        integer(out, INTEGER, "printer-up-time", 1);
        attribute(out, URI, "printer-uri-supported", uri);
        attribute(out, KEYWORD, "uri-authentication-supported", "none");
        attribute(out, KEYWORD, "uri-security-supported", request.isSecure() ? "tls" : "none");
        out.write(END);
        byte[] body = out.toByteArray();
        response.setContentType("application/ipp");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void attribute(ByteArrayOutputStream out, int tag, String name, String value) {
        out.write(tag);
        name(out, name);
        value(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void integer(ByteArrayOutputStream out, int tag, String name, int value) {
        out.write(tag);
        name(out, name);
        value(out, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    private static void name(ByteArrayOutputStream out, String name) {
        value(out, name.getBytes(StandardCharsets.US_ASCII));
    }

    private static void value(ByteArrayOutputStream out, byte[] value) {
        out.write(value.length >>> 8);
        out.write(value.length);
        out.write(value, 0, value.length);
    }
}
