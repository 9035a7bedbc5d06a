package dev.switchboard.tomcat.container;

import java.lang.reflect.Method;
import java.util.concurrent.locks.Lock;

import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * The lock under which Tomcat processes a socket's events ({@code SocketWrapperBase.getLock()}).
 * Tomcat 10.1 declares it a {@link Lock} and 11 a {@code ReentrantLock}, two methods in binary
 * form, so it is reached by name; null where neither is there.
 */
final class WrapperLock {

    private static final Method GET_LOCK = find();

    private WrapperLock() {
    }

    /** Whether the lock can be reached here. */
    static boolean available() {
        return GET_LOCK != null;
    }

    /** The lock of {@code wrapper}; null if it cannot be reached. */
    static Lock of(SocketWrapperBase<?> wrapper) {
        if (GET_LOCK == null) {
            return null;
        }
        try {
            return (Lock) GET_LOCK.invoke(wrapper);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Method find() {
        try {
            Method m = SocketWrapperBase.class.getMethod("getLock");
            return Lock.class.isAssignableFrom(m.getReturnType()) ? m : null;
        } catch (NoSuchMethodException | RuntimeException e) {
            return null;
        }
    }
}
