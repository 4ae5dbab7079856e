#!/usr/bin/env bash
# dns-soak: dns-node at a steady fixed rate for a long run while its zones change and transfer, as on an edge's
# ordinary day. The bench zone (bench.test, 20,000 hosts) is a primary zone reloaded from its file (SIGHUP) every
# -R seconds with a new serial and one changed host; soak.test (2,000 hosts) is a secondary of a knotd primary that
# changes one record every -C seconds (knotc transaction; NOTIFY, then IXFR in); every -X seconds a client takes an
# AXFR of bench.test and an IXFR of soak.test from dns-node (transfers out). Meanwhile dnsperf (pinned to core 1)
# sends the query mix at -q qps to dns-node (pinned to core 0).
# Prints: latency p50/p99/p99.9/max over every answered query of the run and how many took over 1 ms and 10 ms
# (bench/lib/latency_stream.py), the server's CPU per query and RSS, and from the JVM's own log (-Xlog:gc,safepoint)
# every stop-the-world pause: count, longest, how many over 1 ms and 10 ms, and the collections by kind.
# With -k also Knot under the same load and zone changes (its reloads by knotc), for its latency in the same run.
# Not a test. Method and figures: docs/performance.md ("Tail latency").
#
# usage: bench/dns-soak.sh [-d SECONDS] [-q RATE] [-R RELOAD_EVERY] [-C CHANGE_EVERY] [-X TRANSFER_EVERY] [-w WARMUP] [-K] [-k]
#   -d  length of the measured run (default 600)   -q  fixed rate (default 50000)   -w  warm-up at that rate (default 20)
#   -R  reload bench.test every R s (default 30)   -C  change soak.test at the primary every C s (default 10)
#   -X  AXFR + IXFR out every X s (default 5)      -K  also run Knot the same way afterwards   -k  keep the work directory
# env: BUILD_DIR, NODE_JAVA_OPTS as for dns-bench.sh (the JVM log options are added to either).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench=dns-soak
# shellcheck source=lib/servers.sh
. "$root/bench/lib/servers.sh"
duration=600; rate=50000; reload_every=30; change_every=10; xfr_every=5; warmup=20; keep=0; with_knot=0
while getopts "d:q:R:C:X:w:Kk" o; do
  case "$o" in
    d) duration="$OPTARG" ;; q) rate="$OPTARG" ;; R) reload_every="$OPTARG" ;; C) change_every="$OPTARG" ;;
    X) xfr_every="$OPTARG" ;; w) warmup="$OPTARG" ;; K) with_knot=1 ;; k) keep=1 ;;
    *) sed -n '2,18p' "$0"; exit 2 ;;
  esac
done
build_dir="${BUILD_DIR:-target}"
need knotd knotc dnsperf kdig taskset python3 java
use_launcher
make_work
hz="$(getconf CLK_TCK)"
# shellcheck source=lib/bench-zone.sh
. "$root/bench/lib/bench-zone.sh"
gen_zone bench.test. 20000 > "$work/bench.test.zone"
gen_zone soak.test. 2000 > "$work/soak.test.zone"
gen_queries bench.test. 20000 100000 > "$work/queries.txt"

cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# --- the primary of soak.test: knotd, journal of changes (IXFR out), NOTIFY to dns-node once its port is known ---
kdir="$work/primary"; mkdir -p "$kdir"; kport="$(free_port)"; nport="$(free_port)"
cat > "$kdir/knot.conf" <<CONF
server:
    rundir: "$kdir"
    listen: 127.0.0.1@$kport
    udp-workers: 1
    tcp-workers: 1
    background-workers: 1
control:
    listen: "$kdir/knot.sock"
log:
  - target: stderr
    any: warning
database:
    storage: "$kdir"
remote:
  - id: node
    address: 127.0.0.1@$nport
acl:
  - id: xfr
    address: 127.0.0.0/8
    action: transfer
template:
  - id: default
    storage: "$kdir"
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: changes
    semantic-checks: off
zone:
  - domain: soak.test.
    file: "$work/soak.test.zone"
    notify: node
    acl: xfr
CONF
taskset -c 1 knotd -c "$kdir/knot.conf" 2>"$kdir/knotd.log" & kpid=$!; pids+=("$kpid")
wait_soa "$kport" soak.test. "$kpid" "knotd (primary)"

# --- dns-node: bench.test from its file, soak.test from the primary, transfers out to loopback ------------------
ndir="$work/node"; mkdir -p "$ndir/data"
cat > "$ndir/node.yaml" <<CONF
server:
  listen: ["127.0.0.1:$nport"]
  udp-workers: 1
data-dir: $ndir/data
zones:
  - { name: bench.test, file: $work/bench.test.zone }
secondaries:
  - { name: soak.test, primaries: ["127.0.0.1:$kport"] }
transfer-acl: { allow: [127.0.0.0/8] }
CONF
jopts="${NODE_JAVA_OPTS-$("$root/bin/jvm-options" node)}"
# Every stop-the-world pause is a safepoint: its total (reaching it + at it) is what a query waiting then suffers.
jlog="-Xlog:gc,safepoint:file=$ndir/jvm.log:uptime,tags"
# shellcheck disable=SC2086
taskset -c 0 java $jopts $jlog -cp "$node_cp" net.nsglobal.cli.Main node --config "$ndir/node.yaml" \
  >"$ndir/node.log" 2>&1 & npid=$!; pids+=("$npid")
wait_soa "$nport" bench.test. "$npid" dns-node || { tail -20 "$ndir/node.log" >&2; exit 1; }
wait_soa "$nport" soak.test. "$npid" "dns-node (soak.test)" || { tail -20 "$ndir/node.log" >&2; exit 1; }

# --- the day's changes, in the background until the measured run ends ------------------------------------------
serial_of() { kdig +short @127.0.0.1 -p "$1" "$2" SOA | awk '{ print $3 }'; }
changes() { # port pid what(node|knot)
  local p="$1" spid="$2" kind="$3" t=0 serial=1 n=0 reloads=0 edits=0 axfr=0 ixfr=0 fails=0 s
  while [ -f "$work/running" ]; do
    sleep 1; t=$((t + 1))
    if [ $((t % reload_every)) = 0 ]; then
      serial=$((serial + 1)); n=$((n + 1))
      sed -i -e "s/^@ IN SOA ns1 hostmaster [0-9]*/@ IN SOA ns1 hostmaster $serial/" \
             -e "s/^h1 A .*/h1 A 10.9.$((n / 250 % 250)).$((n % 250 + 1))/" "$work/bench.test.zone"
      if [ "$kind" = node ]; then kill -HUP "$spid"; else knotc -s "$4" zone-reload bench.test. >/dev/null || fails=$((fails + 1)); fi
      reloads=$((reloads + 1))
    fi
    if [ $((t % change_every)) = 0 ]; then
      { knotc -s "$kdir/knot.sock" zone-begin soak.test. && \
        knotc -s "$kdir/knot.sock" zone-unset soak.test. h7 A && \
        knotc -s "$kdir/knot.sock" zone-set soak.test. h7 3600 A "10.7.$((t / 250 % 250)).$((t % 250))" && \
        knotc -s "$kdir/knot.sock" zone-commit soak.test.; } >/dev/null 2>&1 || fails=$((fails + 1))
      edits=$((edits + 1))
    fi
    if [ $((t % xfr_every)) = 0 ]; then
      # into a file, not a pipe: grep -q would end the pipe early and pipefail count a good transfer as failed
      kdig @127.0.0.1 -p "$p" +tcp bench.test. AXFR > "$work/xfr-$kind" 2>&1 || true
      [ "$(grep -c 'IN[[:space:]]*SOA' "$work/xfr-$kind")" = 2 ] && axfr=$((axfr + 1)) || fails=$((fails + 1))
      s="$(serial_of "$p" soak.test.)"
      kdig @127.0.0.1 -p "$p" soak.test. "IXFR=$((s > 1 ? s - 1 : 1))" > "$work/xfr-$kind" 2>&1 || true
      grep -q 'IN[[:space:]]*SOA' "$work/xfr-$kind" && ixfr=$((ixfr + 1)) || fails=$((fails + 1))
    fi
  done
  echo "$reloads $edits $axfr $ixfr $fails" > "$work/changes-$kind"
}

soak() { # port pid kind [knot control socket]
  local p="$1" spid="$2" kind="$3" c0 c1 out
  taskset -c 1 dnsperf -s 127.0.0.1 -p "$p" -d "$work/queries.txt" -c 10 -T 1 -Q "$rate" -l "$warmup" >/dev/null 2>&1 || true
  touch "$work/running"
  changes "$p" "$spid" "$kind" "${4:-}" &
  local cpid=$!
  c0="$(cpu_ticks "$spid")"
  [ "$kind" = node ] && T0="$(jcmd "$spid" VM.uptime | awk '/ s$/ { print $1 }')"
  taskset -c 1 dnsperf -s 127.0.0.1 -p "$p" -d "$work/queries.txt" -c 10 -T 1 -Q "$rate" -l "$duration" -v 2>&1 \
    | tee >(grep -E 'Queries (sent|completed|lost)|Queries per second' > "$work/summary-$kind") \
    | taskset -c 1 python3 "$root/bench/lib/latency_stream.py" > "$work/latency-$kind"
  c1="$(cpu_ticks "$spid")"
  [ "$kind" = node ] && T1="$(jcmd "$spid" VM.uptime | awk '/ s$/ { print $1 }')"
  rm -f "$work/running"; wait "$cpid" || true
  read -r ANS P50 P99 P999 PMAX O1 O10 < "$work/latency-$kind"
  read -r RELOADS EDITS AXFR IXFR FAILS < "$work/changes-$kind"
  CPUQ="$(awk -v t=$((c1 - c0)) -v hz="$hz" -v n="$ANS" 'BEGIN { printf "%.2f", n ? t / hz / n * 1e6 : 0 }')"
  RSS="$(rss_mb "$spid")"
  SERIAL="$(serial_of "$p" bench.test.)"; SOAK="$(serial_of "$p" soak.test.)"
  LOST="$(awk '/Queries lost/ { print $3 }' "$work/summary-$kind")"
  printf "%-9s %9s %6s %6s %7s %7s %8s %9s | %8s %7s | %7s %5s %4s %4s %5s | %s %s\n" "$kind" "$ANS" "${LOST:-?}" "$P50" "$P99" "$P999" "$PMAX" \
    "$O1/$O10" "$CPUQ" "$RSS" "$RELOADS" "$EDITS" "$AXFR" "$IXFR" "$FAILS" "$SERIAL" "$SOAK" >> "$work/table"
}

echo "== dns-node (pid $npid, port $nport): ${warmup}s warm-up, then ${duration}s at $rate qps with changes" >&2
soak "$nport" "$npid" node
stop "$npid"

if [ "$with_knot" = 1 ]; then
  # knotd serving the same two zones (bench.test from its file, soak.test as a secondary of the same primary)
  qdir="$work/knot"; mkdir -p "$qdir"; qport="$(free_port)"
  sed -i "s/127.0.0.1@$nport/127.0.0.1@$qport/" "$kdir/knot.conf"; knotc -s "$kdir/knot.sock" reload >/dev/null
  cat > "$qdir/knot.conf" <<CONF
server:
    rundir: "$qdir"
    listen: 127.0.0.1@$qport
    udp-workers: 1
    tcp-workers: 1
    background-workers: 1
control:
    listen: "$qdir/knot.sock"
log:
  - target: stderr
    any: warning
database:
    storage: "$qdir"
remote:
  - id: primary
    address: 127.0.0.1@$kport
acl:
  - id: notify
    address: 127.0.0.0/8
    action: notify
  - id: xfr
    address: 127.0.0.0/8
    action: transfer
template:
  - id: default
    storage: "$qdir"
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: changes
    semantic-checks: off
zone:
  - domain: bench.test.
    file: "$work/bench.test.zone"
    acl: xfr
  - domain: soak.test.
    file: "$qdir/soak.test.zone"
    master: primary
    acl: [notify, xfr]
CONF
  taskset -c 0 knotd -c "$qdir/knot.conf" 2>"$qdir/knotd.log" & qpid=$!; pids+=("$qpid")
  wait_soa "$qport" bench.test. "$qpid" knotd
  wait_soa "$qport" soak.test. "$qpid" "knotd (soak.test)"
  echo "== knot (pid $qpid, port $qport): ${warmup}s warm-up, then ${duration}s at $rate qps with changes" >&2
  soak "$qport" "$qpid" knot "$qdir/knot.sock"
  stop "$qpid"
fi

echo
echo "dns-soak $(date -u +%FT%TZ) on $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "${duration}s at $rate qps (dnsperf -c 10 -T 1 -Q $rate, after ${warmup}s at that rate), bench.test reloaded every ${reload_every}s,"
echo "soak.test changed at its primary every ${change_every}s (NOTIFY, IXFR in), AXFR bench.test + IXFR soak.test out every ${xfr_every}s"
printf "%-9s %9s %6s %6s %7s %7s %8s %9s | %8s %7s | %7s %5s %4s %4s %5s | %s\n" server answered lost "p50 us" "p99 us" "p99.9 us" "max us" ">1ms/>10ms" \
  "CPU us/q" "RSS MB" reloads edits axfr ixfr fails "final serials bench soak"
cat "$work/table"
echo
echo "dns-node stop-the-world pauses (safepoints) during the measured ${duration}s (JVM uptime $T0-$T1 s), from -Xlog:safepoint:"
awk -v t0="$T0" -v t1="$T1" '/\[safepoint/ && /Total: / { u = substr($1, 2) + 0; if (u < t0 || u > t1) next; match($0, /Total: [0-9]+ ns/); t = substr($0, RSTART + 7, RLENGTH - 10) / 1e6
       match($0, /Safepoint "[^"]*"/); k = substr($0, RSTART + 11, RLENGTH - 12)
       n++; if (t > max) { max = t; maxk = k } if (t > 1) o1++; if (t > 10) o10++; cnt[k]++; if (t > kmax[k]) kmax[k] = t }
     END { printf "  %d pauses, longest %.2f ms (%s), %d over 1 ms, %d over 10 ms\n", n, max, maxk, o1, o10
           for (k in cnt) printf "  %-28s %6d, longest %.2f ms\n", k, cnt[k], kmax[k] }' "$ndir/jvm.log"
echo "collections in the measured window (-Xlog:gc):"
awk -v t0="$T0" -v t1="$T1" '{ u = substr($1, 2) + 0 } u >= t0 && u <= t1' "$ndir/jvm.log" | grep -E '\[gc *\] GC\(' | sed -E 's/^\[[^]]*\]\[[^]]*\] GC\([0-9]+\) //' \
  | awk '{ ms = $NF; sub(/ms$/, "", ms); k = $1 " " $2; n[k]++; if (ms + 0 > m[k]) m[k] = ms + 0 }
         END { for (k in n) printf "  %-40s %5d, longest %.2f ms\n", k, n[k], m[k] }'
