package dev.switchboard.testing.clients;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Whole messages as a client library delivers them, for one reader to take in order. */
final class Inbox {

    private final LinkedBlockingQueue<Object> messages = new LinkedBlockingQueue<>();

    void add(Object message) {
        messages.add(message);
    }

    /** Records a failure, which the next {@link #take} rethrows. */
    void fail(Throwable t) {
        messages.add(t);
    }

    String takeText() throws Exception {
        return take(String.class);
    }

    byte[] takeBinary() throws Exception {
        return take(byte[].class);
    }

    private <T> T take(Class<T> type) throws Exception {
        Object m = messages.poll(EchoClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (m == null) {
            throw new TimeoutException("no message within " + EchoClient.TIMEOUT);
        }
        if (m instanceof Throwable t) {
            throw new IllegalStateException("the client failed", t);
        }
        if (!type.isInstance(m)) {
            throw new IllegalStateException("expected a " + type.getSimpleName() + " message but got "
                    + m.getClass().getSimpleName());
        }
        return type.cast(m);
    }
}
