package dev.switchboard.servlet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link UpgradeProtocol} class that {@link SwitchboardInitializer} registers when the
 * web application starts. The class needs a public constructor that takes either nothing or
 * a {@link Settings} (the application's context params).
 *
 * <pre>
 * &#64;RegisterUpgradeProtocol
 * public class ChatProtocol implements UpgradeProtocol { ... }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RegisterUpgradeProtocol {
}
