package dev.switchboard.websocket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@link EndpointPolicy} of an annotated endpoint. Put it next to {@code @ServerEndpoint},
 * whose {@code configurator} must then be {@link SwitchboardConfigurator} (or a subclass):
 *
 * <pre>
 * &#64;ServerEndpoint(value = "/ws/chat", subprotocols = {"chat.v2", "chat.v1"},
 *         configurator = SwitchboardConfigurator.class)
 * &#64;WebSocketPolicy(origins = {"same-origin", "https://*.example.com"},
 *         subprotocolSelection = "server-preference", maxSessions = "1000")
 * public class ChatEndpoint { ... }
 * </pre>
 *
 * <p>Every attribute takes the text of the web.xml option of the same name (see
 * {@link EndpointPolicy}) and is read by the same code; an empty value leaves the option as the
 * {@code switchboard.websocket.*} parameters set it. The supported subprotocols are those of
 * {@code @ServerEndpoint}. Session limits take effect for sessions passed to
 * {@link WebSocketSessions#admit} from {@code @OnOpen}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WebSocketPolicy {

    /** The name under which {@code switchboard.websocket.endpoint.<name>.*} parameters override this annotation. */
    String name() default "";

    /** {@value EndpointPolicy#ORIGINS}: {@code same-origin}, {@code null}, {@code *}, exact origins, patterns. */
    String[] origins() default {};

    /** {@value EndpointPolicy#REQUIRE_ORIGIN}: {@code true} or {@code false}. */
    String requireOrigin() default "";

    /** {@value EndpointPolicy#SUBPROTOCOL_SELECTION}: {@code client-preference} or {@code server-preference}. */
    String subprotocolSelection() default "";

    /** {@value EndpointPolicy#SUBPROTOCOL_REQUIRED}: {@code true} or {@code false}. */
    String subprotocolRequired() default "";

    /** {@value EndpointPolicy#EXTENSIONS}: the allow-list, or {@code none}. */
    String[] extensions() default {};

    /** {@value EndpointPolicy#PERMESSAGE_DEFLATE}: {@code true} or {@code false}. */
    String permessageDeflate() default "";

    /** {@value EndpointPolicy#SERVER_NO_CONTEXT_TAKEOVER}: {@code true} or {@code false}. */
    String serverNoContextTakeover() default "";

    /** {@value EndpointPolicy#CLIENT_NO_CONTEXT_TAKEOVER}: {@code true} or {@code false}. */
    String clientNoContextTakeover() default "";

    /** {@value EndpointPolicy#CLIENT_MAX_WINDOW_BITS}: 8 to 15. */
    String clientMaxWindowBits() default "";

    /** The authorizer; {@code HandshakeAuthorizer.class} (the default) leaves it unset. */
    Class<? extends HandshakeAuthorizer> authorizer() default HandshakeAuthorizer.class;

    /** {@value EndpointPolicy#ROLES}: one of which the authenticated user must have. */
    String[] roles() default {};

    /** {@value EndpointPolicy#AUTH_CHALLENGE}: the {@code WWW-Authenticate} value sent with a 401. */
    String authChallenge() default "";

    /** {@value EndpointPolicy#MAX_SESSIONS}: open sessions at once, 0 for no limit. */
    String maxSessions() default "";

    /** {@value EndpointPolicy#IDLE_TIMEOUT}: such as {@code 5m}; 0 for never. */
    String idleTimeout() default "";

    /** {@value EndpointPolicy#MAX_MESSAGE_SIZE}: such as {@code 64KiB}. */
    String maxMessageSize() default "";
}
