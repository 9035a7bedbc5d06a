# Switchboard's Jetty adapter for the ee11 environment, as a module of a Jetty 12.1 base.
# Copy this file to $JETTY_BASE/modules/ and upgrade-jetty-<version>.jar to
# $JETTY_BASE/lib/switchboard/, then: java -jar $JETTY_HOME/start.jar --add-modules=switchboard-jetty-ee11

[description]
Switchboard's Jetty adapter (ee11): hands connections that Switchboard switches to the web
application's HttpUpgradeHandlers over Jetty's own connection upgrade, in place of
HttpServletRequest.upgrade(), which loses the input of clients that wait for the 101.

[environment]
ee11

[depend]
ee11-annotations

[lib]
lib/switchboard/*.jar
