package dev.switchboard.boot;

import java.util.List;

/**
 * The starter's properties for RFC 2817 at Boot's embedded Tomcat connector:
 * {@code switchboard.tls.connector.<attribute>}, one for each attribute of upgrade-tomcat's
 * {@code ConnectorTls}, in kebab-case. They configure the connector, not the application, so
 * they are not context parameters. No Tomcat type here: {@link SwitchboardOptions} reads this
 * class in every application.
 */
final class ConnectorTlsProperties {

    static final String PREFIX = "switchboard.tls.connector.";

    /** The key store; setting it installs {@code ConnectorTls} on the connector. */
    static final String KEYSTORE_FILE = PREFIX + "keystore-file";

    /** Every property, in the order of upgrade-tomcat's attribute table. */
    static final List<String> NAMES = List.of(KEYSTORE_FILE, PREFIX + "keystore-password", PREFIX + "keystore-type",
            PREFIX + "key-alias", PREFIX + "key-password", PREFIX + "keystore-reload-seconds", PREFIX + "min-version",
            PREFIX + "cipher-suites", PREFIX + "handshake-timeout-millis", PREFIX + "max-connections", PREFIX + "offers");

    private ConnectorTlsProperties() {
    }
}
