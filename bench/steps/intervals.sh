#!/usr/bin/env bash
# The intervals step alone on a warehouse the benchmark scored:
#   bench/steps/intervals.sh WAREHOUSE EDITION [REPEATS] [REPLICATES]
# e.g. bench/steps/intervals.sh bench/work/warehouse-40000 2017 3 (after bench/run.sh 40000).
# Prints each repeat's wall time and the last repeat's slowest Spark stages.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CP="$ROOT/jobs/target/barometer-jobs-0.1.0-SNAPSHOT.jar:$(cat "$ROOT/jobs/target/launcher/classpath.txt")"
# shellcheck disable=SC2046
exec java -Xmx4g -XX:+UseParallelGC $(cat "$ROOT/jobs/target/launcher/jvm-options.txt") -cp "$CP" \
  "$ROOT/bench/steps/IntervalsStep.java" "$1" "$2" "${3:-1}" ${4:+"$4"}
