#!/usr/bin/env bash
# node-footprint: start-up time and memory of dns-node as `./nsglobal node` starts it (the launcher's JVM options
# and AppCDS archive, or NSGLOBAL_JAVA_OPTS when set). Per run: milliseconds from exec to the first answered SOA
# query (polled every 10 ms by bench/lib/first-answer.py), VmRSS then and after a warm-up of queries, optionally the
# JVM's native memory summary. Not a test; method and figures in docs/performance.md.
#
# usage: bench/node-footprint.sh [-z small|bench] [-n RUNS] [-d SECONDS] [-q RATE] [-s SECONDS] [-N]
#   -z  small: dns-node/examples/example.com.zone (23 lines); bench: the 20,000-host bench.test zone of dns-bench
#   -n  runs (default 3; start-up median and every run printed)   -d  warm-up seconds of dnsperf (default 5)
#   -q  dnsperf rate during the warm-up (default 20000)             -s  seconds after the warm-up of the settled RSS (5)
#   -N  print `jcmd VM.native_memory summary`
#       (adds -XX:NativeMemoryTracking=summary to the JVM options)
# env: NSGLOBAL_JAVA_OPTS (replaces the launcher's defaults when set, even empty; the archive is then not used),
#      NSGLOBAL_CDS=0 (the launcher's defaults without the archive)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench=node-footprint
# shellcheck source=lib/servers.sh
. "$root/bench/lib/servers.sh"
# shellcheck source=lib/bench-zone.sh
. "$root/bench/lib/bench-zone.sh"
zone=small; runs=3; secs=5; rate=20000; nmt=0; keep=0; settle=5
while getopts "z:n:d:q:s:N" o; do
  case "$o" in
    z) zone="$OPTARG" ;; n) runs="$OPTARG" ;; d) secs="$OPTARG" ;; q) rate="$OPTARG" ;; s) settle="$OPTARG" ;; N) nmt=1 ;;
    *) sed -n '2,13p' "$0"; exit 2 ;;
  esac
done
need kdig dnsperf taskset python3 java jcmd
make_work
case "$zone" in
  small) origin=example.com.; file="$root/dns-node/examples/example.com.zone"
    printf '%s A\n%s SOA\nwww.%s A\nnx.%s A\n' "$origin" "$origin" "$origin" "$origin" > "$work/queries.txt" ;;
  bench) origin=bench.test.; file="$work/bench.test.zone"
    gen_zone "$origin" 20000 > "$file"; gen_queries "$origin" 20000 100000 > "$work/queries.txt" ;;
  *) echo "$bench: -z small or bench" >&2; exit 2 ;;
esac
# Build first (outside the timing) if the launcher's jars are stale.
"$root/nsglobal" --version >/dev/null
# The options the launcher would use for `node` (NSGLOBAL_JAVA_OPTS when set, even empty), plus NMT when asked.
# With the launcher's defaults, its AppCDS archive is used (made by a first run, outside the timing) unless
# NSGLOBAL_CDS=0; NMT alone is added through NSGLOBAL_JAVA_OPTS, with the archive passed explicitly.
opts="${NSGLOBAL_JAVA_OPTS-$("$root/bin/jvm-options" node)}"
if [ -z "${NSGLOBAL_JAVA_OPTS+set}" ] && [ "${NSGLOBAL_CDS:-1}" = 1 ]; then
  port="$(free_port)"
  "$root/nsglobal" node --listen "127.0.0.1:$port" --zone "$origin=$file" --nsid fp >"$work/node.log" 2>&1 & pid=$!
  wait_soa "$port" "$origin" "$pid" dns-node; stop "$pid"
  opts="$opts -XX:SharedArchiveFile=$(ls "$root"/launcher/target/cds/node-*.jsa)"
fi
[ "$nmt" = 1 ] && opts="-XX:NativeMemoryTracking=summary $opts"
starts=()
for r in $(seq 1 "$runs"); do
  port="$(free_port)"
  t0=$(date +%s%N)
  NSGLOBAL_JAVA_OPTS="$opts" "$root/nsglobal" node --listen "127.0.0.1:$port" --zone "$origin=$file" --nsid fp \
    >"$work/node.log" 2>&1 &
  pid=$!; pids+=("$pid")
  python3 "$root/bench/lib/first-answer.py" "$port" "$origin" "$pid" || { tail -20 "$work/node.log" >&2; exit 1; }
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 )); starts+=("$ms")
  rss0="$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")"
  taskset -c 1 dnsperf -s 127.0.0.1 -p "$port" -d "$work/queries.txt" -c 10 -T 1 -l "$secs" -Q "$rate" > "$work/perf.txt" 2>&1 || true
  rss1="$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")"
  # And once settled: the JIT compiler's arenas of the warm-up's compilations are freed and handed back (the native
  # heap is trimmed every 2 s), which is what the edge then runs with.
  sleep "$settle"
  rss2="$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")"
  done_q="$(awk '/Queries completed/ { print $3 }' "$work/perf.txt")"
  printf "run %d: first answer after %5d ms, RSS %6.1f MB at start, %6.1f MB after %s queries in %ss at %s qps, %6.1f MB %ss later (load %s)\n" \
    "$r" "$ms" "$(awk -v k="$rss0" 'BEGIN { print k / 1024 }')" "$(awk -v k="$rss1" 'BEGIN { print k / 1024 }')" \
    "$done_q" "$secs" "$rate" "$(awk -v k="$rss2" 'BEGIN { print k / 1024 }')" "$settle" "$(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$nmt" = 1 ]; then jcmd "$pid" VM.native_memory summary | grep -E '^(Total|-)' | sed 's/^/   /'; fi
  stop "$pid"
done
printf "start-up to first answer: median %s ms of %s runs; JVM options: %s\n" \
  "$(printf '%s\n' "${starts[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')" "$runs" "${opts:-(none)}"
