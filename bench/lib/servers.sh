# bench/lib/servers.sh: what the bench scripts share, sourced (not run). Tool checks, the work directory and its
# cleanup, free loopback ports, and starting knotd and dns-node on them, each one worker, pinned to core 0 (the load
# generator runs elsewhere), answering SOA for their zones before the caller goes on.
#
# The sourcing script sets before use:
#   bench  its name, the prefix of every message and of the work directory (/tmp/$bench.XXXXXX)
#   keep   1 keeps the work directory at exit
#   node_cp (for start_node) the classpath of net.nsglobal.cli.Main, or build_dir and then use_launcher to set it
# and gets: work (the work directory), pids (every server started, killed at exit), and after each start_* the
# server's pid and port.
# env: NODE_JAVA_OPTS (JVM flags for dns-node; when set, even to "", they replace the launcher's defaults printed by
#      bin/jvm-options node, as NSGLOBAL_JAVA_OPTS does for ./nsglobal)

# need TOOL...: exits when one is not installed.
need() {
  local t
  for t in "$@"; do
    command -v "$t" >/dev/null || { echo "$bench: $t missing (bash scripts/test.sh installs the packages)" >&2; exit 1; }
  done
}

# use_launcher: sets node_cp to the launcher jar of $build_dir and its lib/, building them first when missing.
use_launcher() {
  local jar="$root/launcher/$build_dir/launcher-0.1.0-SNAPSHOT.jar"
  if [ ! -f "$jar" ]; then
    echo "$bench: building the launcher into launcher/$build_dir" >&2
    (cd "$root" && mvn -q -B -DbuildDir="$build_dir" -DskipTests package -pl launcher -am >&2)
  fi
  node_cp="$jar:$root/launcher/$build_dir/lib/*"
}

# make_work: creates $work and kills the servers and removes it (unless keep=1) at exit.
make_work() {
  work="$(mktemp -d "/tmp/$bench.XXXXXX")"
  pids=()
  trap cleanup EXIT
}
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "$keep" = 1 ] && echo "$bench: work directory kept: $work" >&2 || rm -rf "$work"
}

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

# wait_soa PORT ZONE PID NAME: until the server answers SOA for ZONE (up to ~2 min), or fails when it exits first.
wait_soa() {
  for _ in $(seq 1 600); do
    kdig +time=1 +retry=0 +short @127.0.0.1 -p "$1" "$2" SOA 2>/dev/null | grep -q . && return 0
    kill -0 "$3" 2>/dev/null || { echo "$bench: $4 exited" >&2; return 1; }
    sleep 0.2
  done
  echo "$bench: $4 did not serve $2" >&2; return 1
}

stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# write_knot_conf DIR PORT [-o "option: value"]... ZONE FILE [ZONE FILE]...: DIR/knot.conf for one knotd with one
# worker of each kind, listening on 127.0.0.1@PORT, state in DIR, zones loaded whole from their files and never
# written back or journaled. Each -o adds an option to the default template (e.g. "semantic-checks: off").
write_knot_conf() {
  local d="$1" port="$2" opts=() o
  shift 2
  while [ "${1:-}" = -o ]; do opts+=("$2"); shift 2; done
  {
    cat <<CONF
server:
    rundir: "$d"
    listen: 127.0.0.1@$port
    udp-workers: 1
    tcp-workers: 1
    background-workers: 1
database:
    storage: "$d"
log:
  - target: stderr
    any: warning
template:
  - id: default
    storage: "$d"
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: none
CONF
    for o in "${opts[@]}"; do echo "    $o"; done
    echo "zone:"
    while [ $# -gt 0 ]; do printf '  - domain: %s\n    file: "%s"\n' "$1" "$2"; shift 2; done
  } > "$d/knot.conf"
}

# start_knot [-o "option: value"]... ZONE FILE [ZONE FILE]...: knotd on a free port (arguments as write_knot_conf),
# waits for the first zone; sets pid and port.
start_knot() {
  local d="$work/knot-$RANDOM"
  mkdir -p "$d"; port="$(free_port)"
  write_knot_conf "$d" "$port" "$@"
  while [ "${1:-}" = -o ]; do shift 2; done
  taskset -c 0 knotd -c "$d/knot.conf" 2>"$d/knotd.log" & pid=$!; pids+=("$pid")
  wait_soa "$port" "$1" "$pid" knotd
}

# start_node ZONE FILE [OPTION]...: dns-node from $node_cp on a free port serving ZONE from FILE, with further
# command-line options; sets pid and port. Its log is $work/node-PORT.log (the last lines printed when it fails).
start_node() {
  local jopts
  port="$(free_port)"
  jopts="${NODE_JAVA_OPTS-$("$root/bin/jvm-options" node)}"
  # shellcheck disable=SC2086
  taskset -c 0 java $jopts -cp "$node_cp" net.nsglobal.cli.Main node \
    --listen "127.0.0.1:$port" --zone "$1=$2" --udp-workers 1 "${@:3}" >"$work/node-$port.log" 2>&1 & pid=$!; pids+=("$pid")
  wait_soa "$port" "$1" "$pid" dns-node || { tail -20 "$work/node-$port.log" >&2; return 1; }
}
