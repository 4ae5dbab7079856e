#!/usr/bin/env bash
# te-ingest: the observatory store's ingestion rate. Ingests catchment samples shaped like rounds of a 10k-probe
# catchment measurement through COPY (staging table, INSERT ... ON CONFLICT DO NOTHING) into a fresh embedded
# PostgreSQL 17 (the platform's: fsync on, synchronous commit), one round per call, and prints results/s; then the
# same rounds again (duplicates), ping rounds, a roll-up refresh and retention. Not a test. Method and figures:
# docs/performance.md ("Observatory store: ingestion").
#
# usage: bench/te-ingest.sh [SAMPLES] [PROBES] [WARMUP_ROUNDS] [ROUNDS_PER_CALL]   (default 1000000 10000 5 1)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -o -pl te-engine -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/te-ingest-bench.cp -Dmdep.includeScope=test >/dev/null
cd te-engine
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
java -cp "target/test-classes:target/classes:$(cat target/te-ingest-bench.cp)" net.nsglobal.te.store.IngestBench "$@"
