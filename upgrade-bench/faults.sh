#!/usr/bin/env bash
# The fault runs (upgrade-bench/README.md): peers that close, reset, read slowly or never read,
# through the tunnel and the RFC 2817 bridge, with bytes sent and received and descriptors
# before and after, as a Markdown table.
#   upgrade-bench/faults.sh             both
#   upgrade-bench/faults.sh tunnel      only the tunnel (or: bridge)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl upgrade-bench -am -Pfaults -Dmaven.test.skip=true verify -Dfaults.args="${1:-all}"
