package fr.barometer.common.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import fr.barometer.common.io.RunInfo;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Splits resolved staging rows into the clean table's rows and quarantine rows. */
public final class Quarantine {
  private Quarantine() {}

  /** Rows that stand, with exactly the clean table's columns. */
  public static Dataset<Row> kept(Dataset<Row> resolved, Staging staging) {
    Column[] columns =
        Arrays.stream(staging.cleanSchema().fieldNames()).map(c -> col(c)).toArray(Column[]::new);
    return resolved.where(col(Dedup.FATE).equalTo(Dedup.KEPT)).select(columns);
  }

  /** Refused rows and conflicting duplicates, in the quarantine table's columns. */
  public static Dataset<Row> refused(
      Dataset<Row> resolved, String source, String keyName, RunInfo run) {
    Column conflict = col(Dedup.FATE).equalTo(Dedup.CONFLICT);
    return resolved
        .where(col(Staging.REASON).isNotNull().or(conflict))
        .select(
            col("edition"),
            lit(source).as("source"),
            col(Staging.SOURCE_FILE).as("source_file"),
            col(Staging.SOURCE_LINE).as("source_line"),
            col(Staging.RECORD).as("record"),
            when(conflict, lit(QuarantineReason.CONFLICTING_DUPLICATE.name()))
                .otherwise(col(Staging.REASON))
                .as("reason"),
            when(
                    conflict,
                    concat(
                        lit(keyName + " '"),
                        col(keyName),
                        lit("' was sent again with the same version and different content")))
                .otherwise(col(Staging.DETAIL))
                .as("detail"),
            lit(run.runId()).as("run_id"),
            lit(run.startedAt()).as("quarantined_at"));
  }
}
