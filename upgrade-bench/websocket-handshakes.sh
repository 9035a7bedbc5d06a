#!/usr/bin/env bash
# WebSocket handshakes per second through Switchboard against Tomcat's own handshake on the same
# endpoint, with the server CPU per handshake. Writes upgrade-bench/target/websocket-handshakes.md.
# Extra arguments go to Maven, for example -Dbench.rounds=20 -Dbench.seconds=10 -Dbench.connections=32.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl upgrade-bench -am -Pbench-websocket -DskipTests verify "$@"
cat upgrade-bench/target/websocket-handshakes.md
