package dev.switchboard.proxy.internal;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The part of an {@link HttpServletResponse} that the tunnel's response relay uses, recorded
 * as a container would hold it: status, fields in order, declared length and body; committed
 * by the first flush, as a container commits. Any other method fails the test.
 */
final class RecordingResponse {

    private int status = 200;
    private final List<String> fields = new ArrayList<>();
    private long contentLength = -1;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean committed;

    HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> status = (Integer) args[0];
                        case "addHeader" -> fields.add(args[0] + ": " + args[1]);
                        case "setHeader" -> {
                            fields.removeIf(f -> f.regionMatches(true, 0, args[0] + ":", 0, ((String) args[0]).length() + 1));
                            fields.add(args[0] + ": " + args[1]);
                        }
                        case "setCharacterEncoding" -> {
                            // the charset the container would add is not modelled
                        }
                        case "setContentLength" -> contentLength = (Integer) args[0];
                        case "setContentLengthLong" -> contentLength = (Long) args[0];
                        case "getOutputStream" -> {
                            return new Output();
                        }
                        case "isCommitted" -> {
                            return committed;
                        }
                        case "reset" -> {
                            if (committed) {
                                throw new IllegalStateException("reset after commit");
                            }
                            status = 200;
                            fields.clear();
                            contentLength = -1;
                            body.reset();
                        }
                        default -> throw new UnsupportedOperationException(method.toString());
                    }
                    return null;
                });
    }

    byte[] body() {
        return body.toByteArray();
    }

    /** Status, fields and declared length, as the container would write them. */
    @Override
    public String toString() {
        return status + " " + fields + " length=" + contentLength;
    }

    private final class Output extends ServletOutputStream {

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("blocking only");
        }

        @Override
        public void write(int b) {
            body.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            body.write(b, off, len);
        }

        @Override
        public void flush() {
            committed = true;
        }
    }
}
