# Switchboard's Jetty adapter for the ee10 environment, as a module of a Jetty 12.1 base.
# Copy this file to $JETTY_BASE/modules/ and upgrade-jetty-<version>.jar to
# $JETTY_BASE/lib/switchboard/, then: java -jar $JETTY_HOME/start.jar --add-modules=switchboard-jetty-ee10

[description]
Switchboard's Jetty adapter (ee10): hands connections that Switchboard switches to the web
application's HttpUpgradeHandlers over Jetty's own connection upgrade, in place of
HttpServletRequest.upgrade(), which loses the input of clients that wait for the 101.

[environment]
ee10

[depend]
ee10-annotations

[lib]
lib/switchboard/*.jar
