#!/usr/bin/env bash
# propagation: one knotd primary, one dns-node collector and ten dns-node edges, each node its own JVM process with
# its own sockets on loopback. Measures (a) knotd zone change -> all ten edges answer the new serial (median over
# CHANGES changes), (b) CATALOG_ZONES zones newly listed in the customers' catalog -> loaded on all ten edges,
# (c) cold start of an edge holding COLD_ZONES small zones on disk -> answers for all of them.
# Not a test. Figures and method: docs/performance-replication.md.
#
# usage: bench/propagation.sh [CHANGES=20] [CATALOG_ZONES=10000] [COLD_ZONES=100000]
# env: BUILD_DIR (maven build dir, default target-repl), KEEP=1 keeps the work directory, NODE_JAVA_OPTS the cold
#      edge's JVM options (default: the launcher's, bin/jvm-options node)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench=propagation
# shellcheck source=lib/servers.sh
. "$root/bench/lib/servers.sh"
keep="${KEEP:-0}"
changes="${1:-20}"; catalog_zones="${2:-10000}"; cold_zones="${3:-100000}"
build_dir="${BUILD_DIR:-target-repl}"
need knotd knotc java mvn
jar="$root/launcher/$build_dir/launcher-0.1.0-SNAPSHOT.jar"
tests="$root/dns-node/$build_dir/test-classes"
if [ ! -f "$jar" ] || [ ! -d "$tests/net/nsglobal/dns/replication/bench" ]; then
  echo "propagation: building launcher and dns-node test classes into */$build_dir" >&2
  (cd "$root" && mvn -q -B -o -DbuildDir="$build_dir" -DskipTests package -pl launcher -am >&2)
fi
cp="$jar:$root/launcher/$build_dir/lib/*"
make_work
# The cold edge runs with the launcher's JVM options (bin/jvm-options node), or NODE_JAVA_OPTS when set (even empty:
# then the fixed 2 GB Serial heap the other nodes of this bench get, as before 2026-12-07 13:50 UTC).
cold_opts="${NODE_JAVA_OPTS-$("$root/bin/jvm-options" node)}"
java -Xmx1g -Dcold.jvm-options="$cold_opts" -cp "$tests:$root/testkit/$build_dir/classes:$cp" net.nsglobal.dns.replication.bench.PropagationBench "$work" "$cp" \
  "$changes" "$catalog_zones" "$cold_zones"
