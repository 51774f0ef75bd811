package fr.barometer.jobs.run;

import fr.barometer.common.io.InputCounts;
import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Schemas;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Appends a step's counts to the run log: one row per input, with whether it reconciles. */
public final class RunLog {
  /** The step a rollback logs; its input column names the run rolled back to. */
  public static final String ROLLBACK_STEP = "rollback";

  /** The step a run with nothing new logs; its input column names the run it matched. */
  public static final String UNCHANGED_STEP = "unchanged";

  private RunLog() {}

  public static void append(
      SparkSession spark,
      Warehouse warehouse,
      RunInfo run,
      int edition,
      String step,
      List<InputCounts> counts) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows =
        counts.stream()
            .map(
                c ->
                    RowFactory.create(
                        edition,
                        run.runId(),
                        run.startedAt(),
                        now,
                        step,
                        c.input(),
                        c.read(),
                        c.kept(),
                        c.quarantined(),
                        c.collapsed(),
                        c.ineligible(),
                        c.reconciled()))
            .toList();
    warehouse.append(Tables.RUN_LOG, spark.createDataFrame(rows, Schemas.RUN_LOG));
  }
}
