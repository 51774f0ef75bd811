#!/usr/bin/env bash
# The benchmark: bench/run.sh [SIZE ...]  (default sizes: 4000 40000 120000 structures)
# For each size: generates a landing folder once (cached in bench/cache/), runs the real
# `bin/barometer run` cold into a fresh warehouse, as a user would, and reports per step wall time,
# rows, rows/s, the JVM's peak memory, files and bytes written; then runs the DuckDB baseline on
# the same files, checks both give the same structure scores, and prints the Spark/DuckDB ratios.
# It also runs DuckDB's SQL in plain Spark (SparkSqlBaseline: no Delta, no quarantine, no staging)
# for the floor of that ratio on this machine, and the pipeline's cost above that floor.
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
LAUNCHER="$ROOT/jobs/target/launcher"
SPARK_CP="$HERE/target/classes:$(cat "$LAUNCHER/classpath.txt")"
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
  echo "== spark sql baseline (DuckDB's SQL in plain Spark, no pipeline), $n structures"
  # shellcheck disable=SC2046
  java -Xmx4g -XX:+UseParallelGC $(cat "$LAUNCHER/jvm-options.txt") -cp "$SPARK_CP" fr.barometer.bench.SparkSqlBaseline \
    "$landing" "$REFERENCE" "$WORK/sparksql-scores-$n.csv" >>"$out" 2>"$WORK/sparksql-$n.log"
  python3 - "$WORK/spark-scores-$n.csv" "$WORK/duckdb-scores-$n.csv" "$out" "$WORK/sparksql-scores-$n.csv" <<'PY'
import csv, sys
def load(p):
    with open(p, newline='') as f:
        return {r['structure_id']: (float(r['barometer_score']) if r['barometer_score'] else None) for r in csv.DictReader(f)}
spark, duck, plain = load(sys.argv[1]), load(sys.argv[2]), load(sys.argv[4])
def identical(a, b):
    return sum(1 for k in a if k in b and ((a[k] is None and b[k] is None) or
               (a[k] is not None and b[k] is not None and abs(a[k] - b[k]) < 1e-9)))
same, same_plain = identical(spark, duck), identical(plain, duck)
lines = open(sys.argv[3]).read().splitlines()
get = lambda key: float(next(l for l in lines if l.startswith('duckdb ') and key in l).split(key + '=')[1].split()[0])
spark_total = float(next(l for l in lines if l.startswith('spark total_s=')).split('=')[1])
spark_score = sum(float(l.split(' s=')[1].split()[0]) for l in lines if l.startswith('spark step=ingest ') or l.startswith('spark step=score '))
duck_total, duck_score = get('total_s'), get('score_s') + get('ingest_s')
plain_total = float(next(l for l in lines if l.startswith('sparksql ')).split('total_s=')[1].split()[0])
with open(sys.argv[3], 'a') as f:
    f.write(f"compare structures spark={len(spark)} duckdb={len(duck)} identical_scores={same}\n")
    f.write(f"compare structures sparksql={len(plain)} identical_to_duckdb={same_plain}\n")
    f.write(f"ratio ingest+score spark/duckdb={spark_score / duck_score:.1f}x; whole run spark/duckdb={spark_total / duck_total:.1f}x\n")
    f.write(f"ratio sparksql/duckdb={plain_total / duck_total:.1f}x (Spark's floor on this work);"
            f" pipeline ingest+score/sparksql={spark_score / plain_total:.1f}x (the pipeline's own work)\n")
PY
  cat "$out"
done
