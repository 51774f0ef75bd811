package fr.barometer.jobs.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Schemas;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code run_tables} record: after a run (or a rollback) completes, the Delta version of every
 * table of the warehouse. It is how history shows what a run left and what rollback restores.
 */
public final class RunTables {
  private RunTables() {}

  /** Records the current version of every table but run_tables itself (written last, by this). */
  public static void record(SparkSession spark, Warehouse warehouse, RunInfo run, int edition) {
    List<Row> rows =
        warehouse.tables().stream()
            .filter(t -> !t.equals(Tables.RUN_TABLES))
            .map(
                t -> {
                  Warehouse.Commit last = warehouse.lastCommit(t);
                  return RowFactory.create(
                      edition, run.runId(), t, last.version(), last.committedAt());
                })
            .toList();
    warehouse.append(Tables.RUN_TABLES, spark.createDataFrame(rows, Schemas.RUN_TABLES));
  }

  /** The versions a run left, by table name (sorted); empty for an unknown run. */
  public static Map<String, Long> versions(Warehouse warehouse, String runId) {
    Map<String, Long> versions = new LinkedHashMap<>();
    if (!warehouse.exists(Tables.RUN_TABLES)) {
      return versions;
    }
    warehouse
        .read(Tables.RUN_TABLES)
        .where(col("run_id").equalTo(runId))
        .select("table_name", "version")
        .orderBy("table_name")
        .collectAsList()
        .forEach(r -> versions.put(r.getString(0), r.getLong(1)));
    return versions;
  }

  /**
   * A completed run (or rollback) as the run records hold it; {@code rolledBackTo} is the run a
   * rollback went back to, null for a run.
   */
  public record Completed(String runId, Timestamp startedAt, String rolledBackTo) {}

  /**
   * The completed runs of {@code edition} (those with versions recorded, rollbacks included) that
   * started after run {@code runId}, oldest first: what rolling the edition back to that run
   * undoes.
   */
  public static List<Completed> completedAfter(Warehouse warehouse, int edition, String runId) {
    if (!warehouse.exists(Tables.RUN_LOG)) {
      return List.of();
    }
    Row started =
        warehouse
            .read(Tables.RUN_LOG, edition)
            .where(col("run_id").equalTo(runId))
            .agg(min("started_at"))
            .first();
    if (started.isNullAt(0)) {
      return List.of();
    }
    Timestamp since = started.getTimestamp(0);
    var completed = warehouse.read(Tables.RUN_TABLES, edition).select("run_id").distinct();
    return warehouse
        .read(Tables.RUN_LOG, edition)
        .groupBy("run_id")
        .agg(
            min("started_at").as("started_at"),
            max(when(col("step").equalTo(RunLog.ROLLBACK_STEP), col("input"))).as("rolled_back_to"))
        .join(completed, "run_id")
        .where(
            col("started_at")
                .gt(since)
                .or(col("started_at").equalTo(since).and(col("run_id").gt(runId))))
        .orderBy("started_at", "run_id")
        .collectAsList()
        .stream()
        .map(r -> new Completed(r.getString(0), r.getTimestamp(1), r.getString(2)))
        .toList();
  }

  /** The edition a run worked on. */
  public static int edition(Warehouse warehouse, String runId) {
    return warehouse
        .read(Tables.RUN_TABLES)
        .where(col("run_id").equalTo(runId))
        .select("edition")
        .first()
        .getInt(0);
  }
}
