# RFC 2817 at Jetty's cleartext connector, as a module of a Jetty 12.1 base.
# Copy this file to $JETTY_BASE/modules/, etc/switchboard-tls-upgrade.xml to $JETTY_BASE/etc/
# and upgrade-jetty-<version>.jar to $JETTY_BASE/lib/switchboard/, put the key store in
# $JETTY_BASE/etc/rfc2817.p12, then:
#   java -jar $JETTY_HOME/start.jar --add-modules=switchboard-tls-upgrade

[description]
RFC 2817's mandatory upgrade on the http connector: OPTIONS * with Upgrade: TLS/1.x gets a
101, and the connection turns into Jetty's own TLS on the same socket, then serves HTTP/1.1
over TLS (https). Environment-independent (Jetty core): works with every ee environment.

[depend]
http

[after]
# jetty-ssl.xml copies the http configuration for the https connector, which has its own
# SecureRequestCustomizer: this module's is added after that copy.
ssl

[lib]
lib/switchboard/*.jar

[xml]
etc/switchboard-tls-upgrade.xml

[ini-template]
## Key store of the in-place TLS, relative to $JETTY_BASE; a key per host name is chosen by the
## request's Host (clients need no SNI); certAlias names the key for other hosts.
# switchboard.tls.keyStorePath=etc/rfc2817.p12
# switchboard.tls.keyStorePassword=
# switchboard.tls.keyStoreType=PKCS12
# switchboard.tls.certAlias=
## Whether a request over the upgraded connection whose Host the certificate does not name
## gets 400 (Jetty's SecureRequestCustomizer sniHostCheck).
# switchboard.tls.sniHostCheck=true
