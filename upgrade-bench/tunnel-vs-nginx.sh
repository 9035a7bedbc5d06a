#!/usr/bin/env bash
# Messages per second and MB/s through Switchboard's upgrade tunnel against nginx proxying the
# same backend (Debian's nginx package, started by the harness on a loopback port).
# Writes upgrade-bench/target/tunnel-vs-nginx.md. Extra arguments go to Maven, for example
# -Dbench.pairs=20 -Dbench.seconds=10 -Dbench.connections=32.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  # The package's own service is not wanted: the harness starts nginx itself.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nginx
fi

./mvnw -B -q -pl upgrade-bench -am -Pbench-tunnel -DskipTests verify "$@"
cat upgrade-bench/target/tunnel-vs-nginx.md
