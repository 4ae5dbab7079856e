#!/usr/bin/env bash
# node-memory: where dns-node's memory goes with one zone loaded — load time, VmRSS as loaded and after a full GC,
# the JVM's native memory summary (heap, class metadata, code cache, threads, GC structures, CDS) and the top of
# the class histogram of the heap. Not a test; method and figures in docs/performance.md ("Memory").
#
# usage: bench/node-memory.sh [-z big|small|bench] [-n RECORDS] [-t TOP]
#   -z  big: RECORDS A records (h0…, big.test., as dns-bench -M; default 1,000,000); small: the 23-line example
#       zone; bench: the 20,000-host zone of dns-bench
#   -t  lines of the class histogram (default 12)
# env: BUILD_DIR (maven build dir of the launcher, default target, built when missing), NODE_JAVA_OPTS (replaces
#      bin/jvm-options node), KNOT=1 also loads the zone into knotd and prints its RSS (same run, for the ratio)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench=node-memory
# shellcheck source=lib/servers.sh
. "$root/bench/lib/servers.sh"
# shellcheck source=lib/bench-zone.sh
. "$root/bench/lib/bench-zone.sh"
zone=big; n=1000000; top=12; keep=0
while getopts "z:n:t:" o; do
  case "$o" in z) zone="$OPTARG" ;; n) n="$OPTARG" ;; t) top="$OPTARG" ;; *) sed -n '2,11p' "$0"; exit 2 ;; esac
done
need java jcmd kdig taskset
build_dir="${BUILD_DIR:-target}"
jar="$root/launcher/$build_dir/launcher-0.1.0-SNAPSHOT.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -B -o -DbuildDir="$build_dir" -DskipTests package -pl launcher -am >&2)
node_cp="$jar:$root/launcher/$build_dir/lib/*"
make_work
case "$zone" in
  big) origin=big.test.; file="$work/big.test.zone"
    awk -v n="$n" 'BEGIN { print "$ORIGIN big.test."; print "$TTL 3600"
      print "@ IN SOA ns1 hostmaster 1 3600 900 604800 300"; print "@ IN NS ns1"; print "ns1 IN A 192.0.2.1"
      for (i = 0; i < n; i++) printf "h%d IN A 10.%d.%d.%d\n", i, int(i / 65536) % 256, int(i / 256) % 256, i % 256 }' > "$file" ;;
  small) origin=example.com.; file="$root/dns-node/examples/example.com.zone" ;;
  bench) origin=bench.test.; file="$work/bench.test.zone"; gen_zone "$origin" 20000 > "$file" ;;
  *) echo "$bench: -z big, small or bench" >&2; exit 2 ;;
esac
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
rss_kb() { awk '/VmRSS/ { print $2 }' "/proc/$1/status"; }
if [ "${KNOT:-0}" = 1 ]; then
  need knotd
  t0=$(date +%s.%N); start_knot "$origin" "$file"; t1=$(date +%s.%N); sleep 2
  echo "knot:     loaded in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s, RSS $(mb "$(rss_kb "$pid")") MB"
  stop "$pid"
fi
export NODE_JAVA_OPTS="-XX:NativeMemoryTracking=summary ${NODE_JAVA_OPTS-$("$root/bin/jvm-options" node)}"
t0=$(date +%s.%N); start_node "$origin" "$file"; t1=$(date +%s.%N); sleep 2
loaded="$(rss_kb "$pid")"
jcmd "$pid" GC.run >/dev/null; sleep 2
echo "dns-node: loaded in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s, RSS $(mb "$loaded") MB as loaded," \
  "$(mb "$(rss_kb "$pid")") MB after a full GC (load $(cut -d' ' -f1-3 /proc/loadavg)); JVM options: $NODE_JAVA_OPTS"
echo "native memory (committed KB; jcmd PID VM.native_memory summary):"
jcmd "$pid" VM.native_memory summary | awk '/^(Total|-)/ { sub(/^- +/, ""); print "  " $0 }' \
  | sed -E 's/reserved=[0-9]+KB, //' | grep -v 'committed=[0-9]\{1,2\}KB'
echo "heap by class (jcmd PID GC.class_histogram, live objects after the GC):"
jcmd "$pid" GC.class_histogram | sed -n "3,$((top + 3))p"
stop "$pid"
