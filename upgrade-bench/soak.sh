#!/usr/bin/env bash
# The soak (upgrade-bench/README.md): upgraded connections opened, used and churned against one
# Tomcat 11 JVM, the server's heap, descriptors and threads read before, under load and after.
#   upgrade-bench/soak.sh                                       10 minutes, 10,000 connections
#   upgrade-bench/soak.sh --duration 1m --connections 1000      shorter and smaller
set -euo pipefail
cd "$(dirname "$0")/.."

# The server holds one descriptor per echo/1 or WebSocket connection and three per tunnel (the
# client's, the backend connection and the backend's end of it); the client one per connection.
ulimit -Hn 65536 2>/dev/null || true
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "open files: $(ulimit -n)"

./mvnw -B -q -pl upgrade-bench -am -Psoak -Dmaven.test.skip=true verify -Dsoak.args="$*"
