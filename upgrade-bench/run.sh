#!/usr/bin/env bash
# Runs every benchmark scenario (upgrade-bench/README.md) and writes docs/benchmarks.md.
#   upgrade-bench/run.sh                 the full run, about 16 minutes on two cores
#   upgrade-bench/run.sh quick           every scenario briefly, to see that it works (figures mean little)
#   upgrade-bench/run.sh full tunnel,jmh only the named scenarios
# Output goes to docs/benchmarks.md unless -Dbench.output=<file> is given after the arguments.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-full}"
scenarios="${2:-all}"
shift $(( $# > 2 ? 2 : $# ))

if [ ! -x /usr/sbin/nginx ] && ! command -v nginx >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  # The package's own service is not wanted: the tunnel scenario starts nginx itself.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nginx
fi

# The memory scenario holds 10,000 connections: a server holds one descriptor for each (two
# for the tunnel), the client one more. Raise the limit as far as this shell may.
ulimit -Hn 65536 2>/dev/null || true
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "open files: $(ulimit -n); ephemeral ports: $(cat /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null)"

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
[ -z "$(git status --porcelain 2>/dev/null)" ] || commit="$commit (with uncommitted changes)"
command="upgrade-bench/run.sh"
[ "$mode" = full ] && [ "$scenarios" = all ] || command="upgrade-bench/run.sh $mode $scenarios"

./mvnw -B -q -pl upgrade-bench -am -Pbench -DskipTests verify \
  -Dbench.mode="$mode" -Dbench.scenarios="$scenarios" -Dbench.commit="$commit" -Dbench.command="$command" "$@"
