package fr.barometer.common.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;

import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The answers of the audits that stand: one row each, good or refused, out of the audit's staged
 * list.
 */
public final class AuditAnswers {
  private AuditAnswers() {}

  /**
   * Answers of the KEPT audits of resolved staged audits; {@code reason} is null for a good one.
   */
  public static Dataset<Row> ofKeptAudits(Dataset<Row> resolvedAudits) {
    return resolvedAudits
        .where(col(Dedup.FATE).equalTo(Dedup.KEPT))
        .select(
            col("edition"),
            col("audit_id"),
            col(Staging.SOURCE_FILE),
            col(Staging.SOURCE_LINE),
            posexplode(col(AuditInput.ANSWERS)).as(new String[] {"pos", "answer"}))
        .select(
            col("edition"),
            col("audit_id"),
            col(Staging.SOURCE_FILE),
            col(Staging.SOURCE_LINE),
            col("answer.item_id").as("item_id"),
            col("answer.value").as("value"),
            col("answer.record").as("record"),
            col("answer.reason").as("reason"),
            col("answer.detail").as("detail"));
  }

  /** The good answers, in the audit_answers table's columns. */
  public static Dataset<Row> kept(Dataset<Row> answers) {
    return answers
        .where(col("reason").isNull())
        .select(col("edition"), col("audit_id"), col("item_id"), col("value"));
  }

  /** The refused answers, in the quarantine's columns. */
  public static Dataset<Row> refused(Dataset<Row> answers, RunInfo run) {
    return answers
        .where(col("reason").isNotNull())
        .select(
            col("edition"),
            lit(Tables.AUDIT_ANSWERS).as("source"),
            col(Staging.SOURCE_FILE),
            col(Staging.SOURCE_LINE),
            col("record"),
            col("reason"),
            col("detail"),
            lit(run.runId()).as("run_id"),
            lit(run.startedAt()).as("quarantined_at"));
  }
}
