#!/usr/bin/env bash
# dns-bench: the same zone and query mix served by dns-node, knotd 3.2 and nsd 4.6, one worker each, server pinned
# to core 0 and the load generator to core 1, all in the same run. Prints one table, per server: max qps at saturation
# (median of the rounds, the servers taking turns; generator bench/lib/dnsblast.c, batched, or dnsperf with -g), then at a fixed rate p50/p99/p99.9/max latency (dnsperf -Q RATE -v, per
# query, bench/lib/latency.py), the server's CPU time per answered query (utime+stime from /proc/PID/stat over the
# run, children included) and its kernel share, and RSS; then the ratios dns-node/Knot and dns-node/NSD.
# Optionally the RSS of a 1M-record zone in dns-node and Knot, and a JFR profile. Not a test. Method and figures:
# docs/performance.md.
#
# usage: bench/dns-bench.sh [-d SECONDS] [-w WARMUP_SECONDS] [-r ROUNDS] [-q RATE] [-s "dns-node knot nsd"] [-g GEN] [-M] [-P] [-S] [-k]
#   -d  length of each measured dnsperf run (default 5)       -w  warm-up run per server before measuring (default 5)
#   -r  max-qps runs per server, taking turns; the median is reported (default 1)
#   -q  fixed rate of the latency and CPU-per-query run (default 20000; env RATE too)
#   -s  servers to run (default all three; also dns-node-nio: dns-node with server.udp-io: nio, one system call per
#       datagram, for comparison; and dns-node-alt: dns-node with the JVM options in env ALT_JAVA_OPTS, to compare
#       two sets of JVM options in the same run)
#   -g  generator of the max-qps runs: dnsblast (default; bench/lib/dnsblast.c, compiled with gcc into the work
#       directory: 128 queries outstanding (env BLAST_WINDOW; 256 overflows knotd's default 208 KB socket buffer
#       and the lost queries stall the window), 32 per sendmmsg/recvmmsg; each run prints its own and the server's
#       CPU, the server's near 100% when it is the one saturated) or dnsperf (-c 10 -T 1, one datagram per system call: its one core tops out near 100k qps here, so at
#       saturation it measures itself). The fixed-rate runs always use dnsperf (per-query latencies).
#   -M  also the 1M-record RSS comparison (-B, its old opt-out, is accepted and does nothing)
#   -P  also profile dns-node under full load with JFR (a separate run after the measurements; summary printed)
#   -S  during each fixed-rate run also count, per answered query, the server's system calls by kind, its context
#       switches (each a wake-up or a preemption) and page faults (perf stat -p on the server's processes)
#   -k  keep the work directory
#   Longer, steadier runs: -d 10 -w 20 -r 5.
# env: BUILD_DIR (maven build dir of the launcher, default target), NODE_JAVA_OPTS (JVM flags for dns-node, replacing
#      the launcher's defaults of bin/jvm-options node, e.g. to add a JFR recording), BIG_RECORDS (default 1000000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench=dns-bench
# shellcheck source=lib/servers.sh
. "$root/bench/lib/servers.sh"
duration=5; warmup=5; servers="dns-node knot nsd"; big=0; keep=0; profile=0; rounds=1; rate="${RATE:-20000}"; sysc=0
gen=dnsblast
while getopts "d:w:s:r:q:g:MBPSk" o; do
  case "$o" in
    d) duration="$OPTARG" ;; w) warmup="$OPTARG" ;; r) rounds="$OPTARG" ;; q) rate="$OPTARG" ;; s) servers="$OPTARG" ;;
    g) gen="$OPTARG" ;;
    M) big=1 ;; B) ;; P) profile=1 ;; S) sysc=1 ;; k) keep=1 ;;
    *) sed -n '2,29p' "$0"; exit 2 ;;
  esac
done
build_dir="${BUILD_DIR:-target}"
big_records="${BIG_RECORDS:-1000000}"
need knotd nsd dnsperf kdig taskset python3 java jcmd jfr
case " $servers " in *" dns-node-alt "*) [ -n "${ALT_JAVA_OPTS+set}" ] || { echo "dns-bench: dns-node-alt needs ALT_JAVA_OPTS" >&2; exit 2; } ;; esac
use_launcher
make_work
hz="$(getconf CLK_TCK)"
sys_kinds="recvmmsg sendmmsg recvmsg sendmsg recvfrom sendto epoll_wait epoll_pwait poll ppoll futex read write"
sys_events="context-switches,page-faults$(for k in $sys_kinds; do printf ',syscalls:sys_enter_%s' "$k"; done)"
[ "$sysc" = 1 ] && need perf
case "$gen" in
  dnsblast) need gcc; gcc -O2 -o "$work/dnsblast" "$root/bench/lib/dnsblast.c" ;;
  dnsperf) ;;
  *) echo "dns-bench: -g is dnsblast or dnsperf, not $gen" >&2; exit 2 ;;
esac

# --- zone and query mix: gen_zone and gen_queries from bench/lib/bench-zone.sh ---------------------------------
# shellcheck source=lib/bench-zone.sh
. "$root/bench/lib/bench-zone.sh"
gen_zone bench.test. 20000 > "$work/bench.test.zone"
gen_queries bench.test. 20000 100000 > "$work/queries.txt"

# --- servers ------------------------------------------------------------------------------------------------------
# Every knotd here loads its zones with semantic-checks off.
knot_opts=(-o "semantic-checks: off")
start_nsd() {
  local d="$work/nsd-$RANDOM"; mkdir -p "$d"; port="$(free_port)"
  cat > "$d/nsd.conf" <<CONF
server:
    ip-address: 127.0.0.1@$port
    server-count: 1
    username: ""
    chroot: ""
    zonesdir: "$d"
    database: ""
    zonelistfile: "$d/zone.list"
    xfrdfile: "$d/xfrd.state"
    pidfile: "$d/nsd.pid"
    logfile: "$d/nsd.log"
    rrl-ratelimit: 0
    minimal-responses: yes
    verbosity: 0
remote-control:
    control-enable: no
zone:
    name: "$1"
    zonefile: "$2"
CONF
  taskset -c 0 nsd -d -c "$d/nsd.conf" 2>"$d/nsd.err" & pid=$!; pids+=("$pid")
  wait_soa "$port" "$1" "$pid" nsd
}
# The process and its descendants (nsd forks its server and xfrd processes).
tree() { local p; echo "$1"; for p in $(ps -o pid= --ppid "$1" 2>/dev/null); do tree "$p"; done; }
cpu_ticks() { local t=0 p v; for p in $(tree "$1"); do
    v="$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$p/stat" 2>/dev/null || echo 0)"; t=$((t + v)); done; echo "$t"; }
# System (kernel) CPU ticks alone: syscalls and the network stack on the server's behalf.
sys_ticks() { local t=0 p v; for p in $(tree "$1"); do
    v="$(awk '{ sub(/^.*\) /, ""); print $13 }' "/proc/$p/stat" 2>/dev/null || echo 0)"; t=$((t + v)); done; echo "$t"; }
# RSS in kB: VmRSS for one process; for a process tree the sum of Pss (shared pages counted once).
rss_kb() { local pl; pl="$(tree "$1")"
  if [ "$(echo "$pl" | wc -l)" = 1 ]; then awk '/VmRSS/ { print $2 }' "/proc/$1/status"
  else for p in $pl; do awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null; done | awk '{ s += $1 } END { print s }'; fi; }

perf() { taskset -c 1 dnsperf -s 127.0.0.1 -p "$port" -d "$work/queries.txt" -c 10 -T 1 "$@"; }

declare -A QPS LAT CPUQ ANS P50 P99 P999 PMAX RSS ACH SYS PID PORT RUNS LATS
# Max qps: one unthrottled run; sets QPS1 and LAT1 (dnsperf's average latency; none with dnsblast).
max_run() { # name
  local out
  if [ "$gen" = dnsblast ]; then
    local c0 c1
    c0="$(cpu_ticks "$pid")"
    out="$(taskset -c 1 "$work/dnsblast" 127.0.0.1 "$port" "$work/queries.txt" "$duration" "${BLAST_WINDOW:-128}" 32)"
    c1="$(cpu_ticks "$pid")"
    QPS1="$(echo "$out" | sed -n 's/.*qps=\([0-9]*\).*/\1/p')"; LAT1=0
    # The server's CPU over the run next to the generator's: at saturation the server's is near 100%.
    echo "   [$1 round $r] $out server-cpu=$(awk -v t=$((c1 - c0)) -v hz="$hz" -v d="$duration" 'BEGIN { printf "%.0f", t / hz / d * 100 }')%" >&2
    return
  fi
  out="$(perf -l "$duration" 2>&1)"
  QPS1="$(echo "$out" | awk '/Queries per second/ { printf "%.0f", $4 }')"
  LAT1="$(echo "$out" | awk '/Average Latency/ { printf "%.0f", $4 * 1e6 }')"
  echo "$out" | grep -E "Queries (completed|lost)" | tr -s ' ' | paste -sd' ' | sed "s/^/   [$1 round $r] /" >&2
}
# CPU per query, latency percentiles at a fixed rate, and RSS.
fixed_rate() { # name
  local name="$1" c0 c1 s0 s1
  c0="$(cpu_ticks "$pid")"; s0="$(sys_ticks "$pid")"
  local spid=""
  if [ "$sysc" = 1 ]; then
    command perf stat -x, -o "$work/sys-$name.txt" -e "$sys_events" -p "$(tree "$pid" | paste -sd,)" -- sleep "$duration" 2>/dev/null & spid=$!
  fi
  perf -l "$duration" -Q "$rate" -v > "$work/lat-$name.txt" 2>&1 || true
  [ -n "$spid" ] && wait "$spid" 2>/dev/null
  c1="$(cpu_ticks "$pid")"; s1="$(sys_ticks "$pid")"
  SYS[$name]="$(awk -v s=$((s1 - s0)) -v t=$((c1 - c0)) 'BEGIN { printf "%.0f", t ? s * 100 / t : 0 }')"
  ACH[$name]="$(awk '/Queries per second/ { printf "%.0f", $4 }' "$work/lat-$name.txt")"
  read -r ANS[$name] P50[$name] P99[$name] P999[$name] PMAX[$name] < <(python3 "$root/bench/lib/latency.py" < "$work/lat-$name.txt")
  CPUQ[$name]="$(awk -v t=$((c1 - c0)) -v hz="$hz" -v n="${ANS[$name]}" 'BEGIN { printf "%.2f", n ? t / hz / n * 1e6 : 0 }')"
  RSS[$name]="$(rss_kb "$pid")"
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# All servers run at once, each on its own port, all pinned to core 0 (an idle one costs nothing measurable), so
# that the max-qps runs can alternate between them: a slow minute on this shared VM then hits every server alike.
for s in $servers; do
  case "$s" in
    knot) start_knot "${knot_opts[@]}" bench.test. "$work/bench.test.zone" ;;
    nsd) start_nsd bench.test. "$work/bench.test.zone" ;;
    dns-node) start_node bench.test. "$work/bench.test.zone" ;;
    dns-node-nio) start_node bench.test. "$work/bench.test.zone" --udp-io nio ;;
    dns-node-alt) NODE_JAVA_OPTS="$ALT_JAVA_OPTS" start_node bench.test. "$work/bench.test.zone" ;;
    *) echo "dns-bench: unknown server $s" >&2; exit 2 ;;
  esac
  PID[$s]="$pid"; PORT[$s]="$port"
done
for s in $servers; do
  pid="${PID[$s]}"; port="${PORT[$s]}"
  echo "== $s (pid $pid, port $port): warm-up ${warmup}s" >&2
  perf -l "$warmup" >/dev/null 2>&1 || true
done
for r in $(seq 1 "$rounds"); do
  for s in $servers; do
    pid="${PID[$s]}"; port="${PORT[$s]}"
    max_run "$s"
    RUNS[$s]="${RUNS[$s]:-} $QPS1"; LATS[$s]="${LATS[$s]:-} $LAT1"
  done
done
# The fixed-rate runs too are taken in rounds, the servers taking turns; each figure is the median of its rounds
# (latency tails on this VM move by a factor of several from one minute to the next, for every server alike).
declare -A L50 L99 L999 LMAX LCPU LSYS LACH
for r in $(seq 1 "$rounds"); do
  for s in $servers; do
    pid="${PID[$s]}"; port="${PORT[$s]}"
    fixed_rate "$s"
    L50[$s]="${L50[$s]:-} ${P50[$s]}"; L99[$s]="${L99[$s]:-} ${P99[$s]}"; L999[$s]="${L999[$s]:-} ${P999[$s]}"
    LMAX[$s]="${LMAX[$s]:-} ${PMAX[$s]}"; LCPU[$s]="${LCPU[$s]:-} ${CPUQ[$s]}"; LSYS[$s]="${LSYS[$s]:-} ${SYS[$s]}"
    LACH[$s]="${LACH[$s]:-} ${ACH[$s]}"
    echo "   [$s fixed rate, round $r] p50 ${P50[$s]} p99 ${P99[$s]} p99.9 ${P999[$s]} max ${PMAX[$s]} us, CPU ${CPUQ[$s]} us/q" >&2
  done
done
fmedian() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for s in $servers; do
  QPS[$s]="$(echo "${RUNS[$s]}" | median)"; LAT[$s]="$(echo "${LATS[$s]}" | median)"
  P50[$s]="$(echo "${L50[$s]}" | median)"; P99[$s]="$(echo "${L99[$s]}" | median)"; P999[$s]="$(echo "${L999[$s]}" | median)"
  PMAX[$s]="$(echo "${LMAX[$s]}" | median)"; CPUQ[$s]="$(echo "${LCPU[$s]}" | fmedian)"; SYS[$s]="$(echo "${LSYS[$s]}" | median)"
  ACH[$s]="$(echo "${LACH[$s]}" | median)"
done
for s in $servers; do stop "${PID[$s]}"; done

echo
echo "dns-bench $(date -u +%FT%TZ) on $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "zone bench.test (20,000 hosts, unsigned), 100,000-query mix, UDP, DO=0, ${duration}s runs after ${warmup}s warm-up, dnsperf -c 10 -T 1;"
echo "max qps ($gen): median of $rounds run(s) per server, the servers taking turns; latency and CPU: at a fixed ${rate} qps, median of"
echo "$rounds run(s) per server, taking turns (each percentile's median over the rounds); RSS after the last"
printf "%-12s %8s | %8s %7s %7s %8s %8s | %8s %5s | %7s | %s\n" server "max qps" achieved "p50 us" "p99 us" "p99.9 us" "max us" "CPU us/q" "sys%" "RSS MB" "each run's qps"
for s in $servers; do
  printf "%-12s %8s | %8s %7s %7s %8s %8s | %8s %5s | %7.1f |%s\n" "$s" "${QPS[$s]}" "${ACH[$s]}" "${P50[$s]}" "${P99[$s]}" \
    "${P999[$s]}" "${PMAX[$s]}" "${CPUQ[$s]}" "${SYS[$s]}" "$(awk -v k="${RSS[$s]}" 'BEGIN { print k / 1024 }')" "${RUNS[$s]}"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
for ref in knot nsd; do
  if [ -n "${QPS[dns-node]:-}" ] && [ -n "${QPS[$ref]:-}" ]; then
    echo "dns-node/$ref: qps $(ratio "${QPS[dns-node]}" "${QPS[$ref]}"), CPU per query $(ratio "${CPUQ[dns-node]}" "${CPUQ[$ref]}"), p99 $(ratio "${P99[dns-node]}" "${P99[$ref]}"), p99.9 $(ratio "${P999[dns-node]}" "${P999[$ref]}"), RSS $(ratio "${RSS[dns-node]}" "${RSS[$ref]}")"
  fi
done

if [ "$sysc" = 1 ]; then
  echo
  echo "per answered query at ${rate} qps (perf stat on the server's processes; kinds with none left out):"
  for s in $servers; do
    awk -F, -v n="${ANS[$s]}" -v name="$s" '$1 ~ /^[0-9]+$/ && $1 > 0 { e = $3; sub(/^syscalls:sys_enter_/, "", e); line = line sprintf("  %s %.3f", e, $1 / n) }
         END { printf "%-12s%s\n", name, line }' "$work/sys-$s.txt"
  done
fi

if [ "$profile" = 1 ]; then
  echo
  echo "== JFR profile of dns-node under full load (${duration}s after a ${warmup}s warm-up)" >&2
  jfr_file="$work/node.jfr"
  start_node bench.test. "$work/bench.test.zone"
  perf -l "$warmup" >/dev/null 2>&1 || true
  # Record only the measured window (not zone loading or JIT warm-up).
  # The "profile" settings with Java method sampling every 1 ms instead of 10 ms (more samples in a short run).
  jdk_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  sed '/"jdk.ExecutionSample"/,/<\/event>/ s/10 ms/1 ms/' "$jdk_home/lib/jfr/profile.jfc" > "$work/bench.jfc"
  jcmd "$pid" JFR.start name=bench settings="$work/bench.jfc" >/dev/null
  c0="$(cpu_ticks "$pid")"; s0="$(sys_ticks "$pid")"
  prof_out="$(perf -l "$duration" 2>&1)"
  c1="$(cpu_ticks "$pid")"; s1="$(sys_ticks "$pid")"
  jcmd "$pid" JFR.dump name=bench filename="$jfr_file" >/dev/null
  jcmd "$pid" JFR.stop name=bench >/dev/null
  stop "$pid"
  echo "profiled run: $(echo "$prof_out" | awk '/Queries per second/ { printf "%.0f qps", $4 }'), server CPU $(awk -v t=$((c1 - c0)) -v hz="$hz" -v d="$duration" 'BEGIN { printf "%.0f%%", t / hz / d * 100 }') of one core, of which system (kernel) $(awk -v s=$((s1 - s0)) -v t=$((c1 - c0)) 'BEGIN { printf "%.0f%%", t ? s * 100 / t : 0 }')"
  jfr print --events jdk.ExecutionSample "$jfr_file" > "$work/samples.txt"
  echo "top frames with line (share of CPU samples):"
  awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/[ \t]*bci:.*/, ""); top[$0]++; n++ }
       END { for (f in top) printf "%6.1f%%  %s\n", top[f] * 100 / n, f }' "$work/samples.txt" | sort -rn | head -25
  echo "by package of the top frame:"
  awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/\(.*/, ""); n++
         k = split($0, p, "."); pkg = p[1]; for (i = 2; i < k - 1 && i < 4; i++) pkg = pkg "." p[i]; top[pkg]++ }
       END { for (f in top) printf "%6.1f%%  %s\n", top[f] * 100 / n, f }' "$work/samples.txt" | sort -rn | head -12
  echo "GC:"
  jfr print --events jdk.GarbageCollection "$jfr_file" | awk '/name = / { n++ } /sumOfPauses/ { v = $3; u = $4
       if (u ~ /^ms/) s += v; else if (u ~ /^s/) s += v * 1000; else if (u ~ /us/) s += v / 1000 }
       END { printf "  %d collections, %.1f ms total pause\n", n, s }'
  echo "allocation (top classes by sampled weight):"
  jfr print --events jdk.ObjectAllocationSample "$jfr_file" | awk '/objectClass = / { c = $3 } /weight = / { w = $3; u = $4
       if (u ~ /^kB/) w *= 1024; else if (u ~ /^MB/) w *= 1048576; else if (u ~ /^GB/) w *= 1073741824; a[c] += w; t += w }
       END { for (k in a) printf "%6.1f%%  %s\n", a[k] * 100 / t, k; printf "%6.0f MB  total sampled weight\n", t / 1048576 }' \
       | sort -rn | head -12
fi

if [ "$big" = 1 ]; then
  echo
  echo "== 1M-record zone: generating ${big_records} A records" >&2
  awk -v n="$big_records" 'BEGIN { print "$ORIGIN big.test."; print "$TTL 3600"
    print "@ IN SOA ns1 hostmaster 1 3600 900 604800 300"; print "@ IN NS ns1"; print "ns1 IN A 192.0.2.1"
    for (i = 0; i < n; i++) printf "h%d IN A 10.%d.%d.%d\n", i, int(i / 65536) % 256, int(i / 256) % 256, i % 256 }' \
    > "$work/big.test.zone"
  declare -A BIG
  for s in knot dns-node; do
    t0=$(date +%s.%N)
    if [ "$s" = knot ]; then start_knot "${knot_opts[@]}" big.test. "$work/big.test.zone"; else start_node big.test. "$work/big.test.zone"; fi
    t1=$(date +%s.%N)
    sleep 2
    BIG[$s]="$(rss_kb "$pid")"
    after_gc=""
    if [ "$s" = dns-node ] && command -v jcmd >/dev/null; then
      # The JVM keeps the garbage of zone parsing until a collection: also report RSS after a full GC.
      jcmd "$pid" GC.run >/dev/null 2>&1 || true; sleep 2
      BIGGC="$(rss_kb "$pid")"
      after_gc="$(awk -v k="$BIGGC" 'BEGIN { printf ", %.1f MB after a full GC", k / 1024 }')"
    fi
    printf "1M-record zone: %-9s RSS %8.1f MB%s (loaded in %.1f s)\n" "$s" "$(awk -v k="${BIG[$s]}" 'BEGIN { print k / 1024 }')" \
      "$after_gc" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')"
    stop "$pid"
  done
  echo "1M-record zone RSS dns-node/knot: $(ratio "${BIG[dns-node]}" "${BIG[knot]}") as loaded${BIGGC:+, $(ratio "$BIGGC" "${BIG[knot]}") after a full GC}"
fi
