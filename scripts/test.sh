#!/usr/bin/env bash
# Runs every test on a fresh machine. As root it first installs the Debian packages the tests need
# (real peers: Knot, BIND 9, NSD, ldns tools, BIRD 2 with iproute2 for its network-namespace lab, Chromium for page tests; gcc for the batched-UDP JNI library;
# bzip2 for the CAIDA AS graph; a font for the charts JFreeChart draws).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
PKGS=(gcc libc6-dev bzip2 iproute2 knot knot-dnsutils bind9 bind9-dnsutils ldnsutils nsd dnsperf bird2 chromium chromium-driver fonts-dejavu-core)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q "${missing[@]}"
    # The packaged daemons must not hold the ports or files the tests use.
    for svc in knot named bind9 nsd bird; do systemctl disable --now "$svc" >/dev/null 2>&1 || true; done
  else
    echo "test.sh: missing packages ${missing[*]} (run as root to install them); tests that need them will fail" >&2
  fi
fi
exec mvn -B -ntp ${MVN_ARGS:-} verify "$@"
