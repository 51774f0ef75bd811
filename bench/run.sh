#!/usr/bin/env bash
# The benchmark: bench/run.sh [SIZE ...]  (default sizes: 4000 40000 120000 structures)
# For each size: generates a landing folder once (cached in bench/cache/), runs the real
# `bin/barometer run` cold into a fresh warehouse, as a user would, and reports per step wall time,
# rows, rows/s, the JVM's peak memory, files and bytes written; then runs the DuckDB baseline on
# the same files, checks both give the same structure scores, and prints the Spark/DuckDB ratios.
# Never run by the tests. Results go to bench/results/<size>.txt; bench/RESULTS.md is written by hand.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(4000 40000 120000)
CACHE="$HERE/cache"; WORK="$HERE/work"; RESULTS="$HERE/results"
mkdir -p "$CACHE" "$WORK" "$RESULTS"

(cd "$ROOT" && mvn -q -B -DskipTests package)
(cd "$HERE" && mvn -q -B package)
DUCK_CP="$HERE/target/classes:$(cat "$HERE/target/classpath.txt")"
REFERENCE="$ROOT/common/src/main/resources/fr/barometer/reference"

for n in "${SIZES[@]}"; do
  landing="$CACHE/landing-$n"
  if [[ ! -f "$landing/structures.csv" ]]; then
    echo "== generating $n structures (cached in $landing)"
    "$ROOT/bin/barometer" generate --out "$landing" --structures "$n" --seed 7 --survey-responses $((n * 25)) >/dev/null
  fi
  out="$RESULTS/$n.txt"; warehouse="$WORK/warehouse-$n"; log="$WORK/run-$n.log"
  rm -rf "$warehouse"
  echo "== spark: bin/barometer run, $n structures"
  start=$(date +%s.%N)
  status=0
  /usr/bin/time -v -o "$WORK/time-$n.txt" "$ROOT/bin/barometer" run --landing "$landing" --warehouse "$warehouse" >"$log" 2>&1 \
    || status=$?
  end=$(date +%s.%N)
  {
    echo "size: $n structures; landing: $(du -sb "$landing" | cut -f1) bytes; $(nproc) cores; $(date -u +%F)"
    echo "spark total_s=$(echo "$end - $start" | bc)"
    echo "jvm peak_rss_mb=$(( $(grep 'Maximum resident' "$WORK/time-$n.txt" | awk '{print $NF}') / 1024 ))"
    sed -nE 's/^step ([a-z]+): done, ([0-9]+) rows written in ([0-9.]+) s$/\1 \2 \3/p' "$log" \
      | awk '{printf "spark step=%s s=%.1f rows_written=%d rows_written_per_s=%d\n", $1, $3, $2, ($3 > 0 ? $2 / $3 : 0)}'
    sed -n '/^Run .*edition/,/^Tables written/p' "$log" | grep -v "^Tables" || true
    echo "warehouse files=$(find "$warehouse" -type f -name '*.parquet' | wc -l) bytes=$(du -sb "$warehouse" | cut -f1)"
    [[ $status -eq 0 ]] || echo "spark run FAILED (exit $status): $(grep -m1 '^barometer: ' "$log" | cut -c1-300)"
  } >"$out"
  if [[ $status -ne 0 ]]; then cat "$out"; continue; fi
  "$ROOT/bin/barometer" sql "SELECT structure_id, barometer_score FROM structure_scores ORDER BY structure_id" \
    --format csv --limit 100000000 --warehouse "$warehouse" 2>/dev/null >"$WORK/spark-scores-$n.csv"

  echo "== duckdb baseline, $n structures"
  java -Xmx4g -cp "$DUCK_CP" fr.barometer.bench.DuckDbBaseline "$landing" "$REFERENCE" "$WORK/duckdb-scores-$n.csv" >>"$out"
  python3 - "$WORK/spark-scores-$n.csv" "$WORK/duckdb-scores-$n.csv" "$out" <<'PY'
import csv, sys
def load(p):
    with open(p, newline='') as f:
        return {r['structure_id']: (float(r['barometer_score']) if r['barometer_score'] else None) for r in csv.DictReader(f)}
spark, duck = load(sys.argv[1]), load(sys.argv[2])
same = sum(1 for k in spark if k in duck and ((spark[k] is None and duck[k] is None) or
           (spark[k] is not None and duck[k] is not None and abs(spark[k] - duck[k]) < 1e-9)))
lines = open(sys.argv[3]).read().splitlines()
get = lambda key: float(next(l for l in lines if l.startswith('duckdb ') and key in l).split(key + '=')[1].split()[0])
spark_total = float(next(l for l in lines if l.startswith('spark total_s=')).split('=')[1])
spark_score = sum(float(l.split(' s=')[1].split()[0]) for l in lines if l.startswith('spark step=ingest ') or l.startswith('spark step=score '))
duck_total, duck_score = get('total_s'), get('score_s') + get('ingest_s')
with open(sys.argv[3], 'a') as f:
    f.write(f"compare structures spark={len(spark)} duckdb={len(duck)} identical_scores={same}\n")
    f.write(f"ratio ingest+score spark/duckdb={spark_score / duck_score:.1f}x; whole run spark/duckdb={spark_total / duck_total:.1f}x\n")
PY
  cat "$out"
done
