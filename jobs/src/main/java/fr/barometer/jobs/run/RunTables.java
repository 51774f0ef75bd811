package fr.barometer.jobs.run;

import static org.apache.spark.sql.functions.col;

import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Schemas;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
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
