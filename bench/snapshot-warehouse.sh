#!/usr/bin/env bash
# Writes every table of a warehouse as sorted rows (run ids and times left out, doubles rounded to
# 9 decimals) into a text file, so that the warehouses of two versions of the pipeline compare with
# diff. Usage: bench/snapshot-warehouse.sh WAREHOUSE OUT_FILE (after mvn test-compile).
set -euo pipefail
HOME_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CP="$HOME_DIR/jobs/target/test-classes:$HOME_DIR/jobs/target/classes:$HOME_DIR/common/target/classes"
CP="$CP:$(cat "$HOME_DIR/jobs/target/launcher/classpath.txt")"
# shellcheck disable=SC2046
exec java -Xmx4g $(cat "$HOME_DIR/jobs/target/launcher/jvm-options.txt") -cp "$CP" \
  fr.barometer.jobs.WarehouseSnapshot "$1" "$2"
