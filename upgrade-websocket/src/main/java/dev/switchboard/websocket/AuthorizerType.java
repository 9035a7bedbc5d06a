package dev.switchboard.websocket;

import java.util.List;

import dev.switchboard.options.InvalidOptionException;
import dev.switchboard.options.OptionType;

/**
 * The type of the {@code auth} option: {@code none} ({@link HandshakeAuthorizer#ALLOW_ALL}),
 * {@code authenticated} ({@link #AUTHENTICATED}, which the policy turns into
 * {@link HandshakeAuthorizer#authenticated} with its challenge and roles), or the name of a
 * {@link HandshakeAuthorizer} class with a public no-argument constructor, loaded by the
 * thread's context class loader and created when the value is read.
 */
final class AuthorizerType implements OptionType<HandshakeAuthorizer> {

    static final AuthorizerType INSTANCE = new AuthorizerType();

    /** Stands for {@code authenticated} until the policy knows the challenge and the roles; never asked. */
    static final HandshakeAuthorizer AUTHENTICATED = (request, pathParameters) -> {
        throw new IllegalStateException("authenticated stands for an authorizer made by the policy");
    };

    private static final String NONE = "none";
    private static final String AUTHENTICATED_NAME = "authenticated";
    private static final String EXPECTED = "none, authenticated, or a HandshakeAuthorizer class";

    private AuthorizerType() {
    }

    @Override
    public HandshakeAuthorizer parse(String text) {
        if (text.equals(NONE)) {
            return HandshakeAuthorizer.ALLOW_ALL;
        }
        if (text.equals(AUTHENTICATED_NAME)) {
            return AUTHENTICATED;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class<?> type = Class.forName(text, true, loader != null ? loader : AuthorizerType.class.getClassLoader());
            if (!HandshakeAuthorizer.class.isAssignableFrom(type)) {
                throw InvalidOptionException.expected(EXPECTED, text);
            }
            return (HandshakeAuthorizer) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw InvalidOptionException.expected(EXPECTED + " with a public no-argument constructor", text, e);
        }
    }

    @Override
    public String format(HandshakeAuthorizer value) {
        if (value == HandshakeAuthorizer.ALLOW_ALL) {
            return NONE;
        }
        return value == AUTHENTICATED ? AUTHENTICATED_NAME : value.getClass().getName();
    }

    @Override
    public Kind kind() {
        return Kind.STRING;
    }

    @Override
    public List<String> samples() {
        return List.of(NONE, AUTHENTICATED_NAME);
    }

    @Override
    public List<String> counterSamples() {
        return List.of("java.lang.String", "com.example.NoSuchAuthorizer", "Authenticated");
    }
}
