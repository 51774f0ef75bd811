package fr.barometer.common.ingest;

import fr.barometer.common.io.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The staging tables ({@code staged_audits}, {@code staged_survey}) hold every row read from an
 * input's files, good or refused, as the parsers produced it. A run replaces only the rows of the
 * files it parsed or found gone, in one commit; the duplicate rules and the split into clean table
 * and quarantine then run over all staged rows of the edition.
 */
public final class StagingTables {
  private StagingTables() {}

  /**
   * Writes the rows parsed under {@code plan}: nothing, the rows of some files, or the whole
   * edition.
   */
  public static void restage(
      Warehouse warehouse, String table, int edition, IngestPlan plan, Dataset<Row> parsed) {
    if (plan.nothingChanged()) {
      return;
    }
    if (plan.restageAll()) {
      warehouse.replaceEdition(table, edition, parsed);
    } else {
      warehouse.replaceSourceFiles(table, edition, plan.replaced(), parsed);
    }
  }
}
