#!/usr/bin/env bash
# Times te-engine's applier in the BIRD network-namespace lab (needs root): from `configure "FILE" timeout N` to the
# upstream holding the new AS path, and one whole apply. Runs the lab test N times (default 5) and prints its figures.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="${1:-5}"
for i in $(seq 1 "$runs"); do
  mvn -o -q -pl te-engine -am test -Dtest='net.nsglobal.te.apply.BirdApplyLabTest#anAppliedPrependReachesTheUpstreamAsALongerAsPath' \
    -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -o 'te-engine apply lab: .*' || true
done
