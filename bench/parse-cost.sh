#!/usr/bin/env bash
# parse-cost: what one hostile ~64 KB query costs to parse, dns-node against knotd 3.2. The query (built by
# bench/parse-cost.py) carries thousands of records whose owner names each walk the same 8,000-hop chain of backward
# compression pointers. Sent over TCP, one at a time, as "chain-ar" (4,000 records with empty RDATA in the additional
# section), "chain-ar1" (3,700 records with one byte of RDATA each, which Knot accepts as well-formed), "chain-an"
# (chain-ar1 in the answer section), plus a plain SOA query for the floor. Prints per server and kind: rcode, queries
# measured, median and p90 round trip, the server's CPU time per query, then the ratios dns-node/Knot. Not a test.
# Figures and method: docs/performance.md ("Parse cost of hostile queries").
#
# usage: bench/parse-cost.sh [-r ROUNDS] [-w WARMUP] [-s "dns-node knot"] [-k]
#   -r  measured queries per kind (at least; each kind also runs for at least 2 s; default 20)
#   -w  unmeasured queries per kind first (JIT warm-up for dns-node; default 10)
#   -s  servers (default both)      -k  keep the work directory
# env: BUILD_DIR (maven build dir, default target; dns-node runs from launcher/$BUILD_DIR/classes and the Maven
#      classpath, compiled when a source is newer), NODE_JAVA_OPTS (extra JVM flags for dns-node)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench=parse-cost
# shellcheck source=lib/servers.sh
. "$root/bench/lib/servers.sh"
rounds=20; warmup=10; servers="dns-node knot"; keep=0
while getopts "r:w:s:k" o; do
  case "$o" in
    r) rounds="$OPTARG" ;; w) warmup="$OPTARG" ;; s) servers="$OPTARG" ;; k) keep=1 ;;
    *) sed -n '2,13p' "$0"; exit 2 ;;
  esac
done
build_dir="${BUILD_DIR:-target}"
need knotd kdig taskset python3 java
# dns-node runs from the launcher's classes and the Maven classpath (compile + dependency:build-classpath works
# offline, where packaging the launcher's lib/ folder may not).
cp_file="$root/launcher/$build_dir/parse-cost.classpath"
if [[ " $servers " == *" dns-node "* ]] && { [ ! -f "$cp_file" ] || [ -n "$(find "$root"/*/src/main -newer "$cp_file" -print -quit)" ]; }; then
  echo "parse-cost: compiling the launcher into */$build_dir" >&2
  (cd "$root" && mvn -q -B -o -DbuildDir="$build_dir" -DskipTests compile dependency:build-classpath \
    -Dmdep.outputFile="$cp_file" -pl launcher -am >&2)
fi
make_work

cat > "$work/parse.test.zone" <<ZONE
\$ORIGIN parse.test.
\$TTL 3600
@ IN SOA ns1 hostmaster 1 3600 900 604800 300
@ IN NS ns1
ns1 IN A 192.0.2.1
ZONE

# Both servers one worker, pinned to core 0 (the client runs unpinned), as in bench/dns-bench.sh.
declare -A OUT
for s in $servers; do
  case "$s" in
    knot) start_knot parse.test. "$work/parse.test.zone" ;;
    dns-node) node_cp="$root/launcher/$build_dir/classes:$(cat "$cp_file")"; start_node parse.test. "$work/parse.test.zone" ;;
    *) echo "parse-cost: unknown server $s" >&2; exit 2 ;;
  esac
  echo "== $s (pid $pid, port $port)" >&2
  OUT[$s]="$(python3 "$root/bench/parse-cost.py" "$port" "$pid" parse.test. "$rounds" "$warmup")"
  stop "$pid"
done

echo "parse-cost $(date -u +%FT%TZ) at $(cd "$root" && git rev-parse --short HEAD) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for s in $servers; do
  echo "$s:"
  echo "${OUT[$s]}" | sed 's/^/  /'
done
if [ -n "${OUT[dns-node]:-}" ] && [ -n "${OUT[knot]:-}" ]; then
  for kind in chain-ar chain-ar1 chain-an; do
    n="$(echo "${OUT[dns-node]}" | awk -v k="$kind" '$1 == k { print $8 }')"
    k="$(echo "${OUT[knot]}" | awk -v k="$kind" '$1 == k { print $8 }')"
    nc="$(echo "${OUT[dns-node]}" | awk -v k="$kind" '$1 == k { print $15 }')"
    kc="$(echo "${OUT[knot]}" | awk -v k="$kind" '$1 == k { print $15 }')"
    awk -v kind="$kind" -v n="$n" -v k="$k" -v nc="$nc" -v kc="$kc" 'BEGIN {
      printf "dns-node/knot %s: median round trip %.3g, CPU per query %s\n", kind, n / k, (kc > 0 ? sprintf("%.3g", nc / kc) : "n/a") }'
  done
fi
