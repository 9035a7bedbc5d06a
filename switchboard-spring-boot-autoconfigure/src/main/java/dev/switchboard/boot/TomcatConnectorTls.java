package dev.switchboard.boot;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import dev.switchboard.tomcat.tls.ConnectorTls;

/**
 * Builds upgrade-tomcat's {@link ConnectorTls} from the {@code switchboard.tls.connector.*}
 * properties ({@link ConnectorTlsProperties}). A relative key store path is taken from the
 * working directory, as Boot's own {@code server.ssl.*} paths are (Tomcat's base directory is
 * a temporary one under Boot). A value ConnectorTls refuses fails start-up, naming the property.
 */
final class TomcatConnectorTls {

    private TomcatConnectorTls() {
    }

    /** A new, uninstalled {@link ConnectorTls} configured from {@code environment}. */
    static ConnectorTls configured(Environment environment) {
        Binder binder = Binder.get(environment);
        ConnectorTls tls = new ConnectorTls();
        bind(binder, ConnectorTlsProperties.KEYSTORE_FILE, String.class,
                file -> tls.setKeystoreFile(Path.of(file).toAbsolutePath().toString()));
        bind(binder, "keystore-password", String.class, tls::setKeystorePassword);
        bind(binder, "keystore-type", String.class, tls::setKeystoreType);
        bind(binder, "key-alias", String.class, tls::setKeyAlias);
        bind(binder, "key-password", String.class, tls::setKeyPassword);
        bind(binder, "keystore-reload-seconds", Integer.class, tls::setKeystoreReloadSeconds);
        bind(binder, "min-version", String.class, tls::setMinVersion);
        bind(binder, "cipher-suites", String.class, tls::setCipherSuites);
        bind(binder, "handshake-timeout-millis", Long.class, tls::setHandshakeTimeoutMillis);
        bind(binder, "max-connections", Integer.class, tls::setMaxConnections);
        bind(binder, "offers", String.class, tls::setOffers);
        return tls;
    }

    private static <T> void bind(Binder binder, String name, Class<T> type, Consumer<T> setter) {
        String property = name.startsWith(ConnectorTlsProperties.PREFIX) ? name : ConnectorTlsProperties.PREFIX + name;
        binder.bind(property, type).ifBound(value -> {
            try {
                setter.accept(value);
            } catch (IllegalArgumentException e) {
                throw new SwitchboardConfigurationException(property + ": " + e.getMessage(),
                        "Correct " + property + " (see upgrade-tomcat's README for its values).");
            }
        });
    }
}
