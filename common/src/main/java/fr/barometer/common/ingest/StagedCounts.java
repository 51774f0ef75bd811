package fr.barometer.common.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The counts the staged rows give for the run log: every row read (over the whole edition,
 * whichever run parsed it), those collapsed as duplicates, and the kept ones that are ineligible.
 * Kept and quarantined rows are counted in the written tables instead, so the reconciliation checks
 * what was stored.
 */
public record StagedCounts(long read, long collapsed, long ineligible) {

  /**
   * {@code ineligible}: which kept rows are not scored (the survey's {@code >3M}); null when none
   * can be.
   */
  public static StagedCounts of(Dataset<Row> resolved, Column ineligible) {
    Column kept = col(Dedup.FATE).equalTo(Dedup.KEPT);
    Column ineligibleRow = ineligible == null ? lit(false) : kept.and(ineligible);
    Row row =
        resolved
            .agg(
                count(lit(1)),
                sum(when(col(Dedup.FATE).equalTo(Dedup.COLLAPSED), 1).otherwise(0)),
                sum(when(ineligibleRow, 1).otherwise(0)))
            .first();
    return new StagedCounts(
        row.getLong(0), row.isNullAt(1) ? 0 : row.getLong(1), row.isNullAt(2) ? 0 : row.getLong(2));
  }
}
