package fr.barometer.common.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import fr.barometer.common.domain.Measure;
import fr.barometer.common.io.Columns;
import fr.barometer.common.publish.Measures;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a report says of earlier editions: the structure's barometer score edition by edition beside
 * its comparison group's median, and each measure's change since its previous edition. The medians
 * are those of each edition's published cells, chosen by {@link Disclosure#positions} as that
 * edition's report chose them; the changes are the structure's own figures.
 */
public final class EvolutionSection {
  private EvolutionSection() {}

  /** Which measures a report's evolution lists. */
  public enum Coverage {
    /** The barometer score and the remote channels, as the standard results show them. */
    REMOTE_CHANNELS,
    /** Every measure, as the personalised report shows them. */
    ALL_MEASURES;

    Column selects() {
      return this == ALL_MEASURES
          ? lit(true)
          : Measures.is(Measure.OVERALL).or(Measures.isRemoteChannel());
    }
  }

  /**
   * The report with two more columns: editions (edition, barometer_score, comparison,
   * comparison_group, group_median; every edition up to the report's in which the structure has a
   * barometer score, oldest first) and evolution (measure, previous_edition, previous_value, value,
   * basis, compared_previous_value, compared_value, delta; one per measure with an earlier value).
   *
   * @param report a report dataset of one edition
   * @param overallPositions {@link Disclosure#positions} of the OVERALL measure in the report's
   *     edition and the earlier ones
   * @param evolution the evolution table's rows of the report's edition
   */
  public static Dataset<Row> add(
      Dataset<Row> report,
      int edition,
      Dataset<Row> overallPositions,
      Dataset<Row> evolution,
      Coverage coverage) {
    Dataset<Row> editions =
        Reports.perStructure(
            overallPositions
                .where(col("edition").leq(edition))
                .withColumn("report_edition", lit(edition))
                .withColumnRenamed("edition", "score_edition")
                .withColumnRenamed("report_edition", "edition"),
            "editions",
            col("score_edition").as("edition"),
            col("value").as("barometer_score"),
            col("comparison"),
            col("comparison_group"),
            col("group_median"));
    Dataset<Row> changes =
        Reports.perStructure(
            evolution.where(col("edition").equalTo(edition).and(coverage.selects())),
            "evolution",
            col("measure"),
            col("previous_edition"),
            col("previous_value"),
            col("value"),
            col("basis"),
            col("compared_previous_value"),
            col("compared_value"),
            col("delta"));
    Dataset<Row> joined =
        report
            .join(editions, Columns.on("edition", "structure_id"), "left")
            .join(changes, Columns.on("edition", "structure_id"), "left");
    return Reports.orEmpty(joined, "editions", "evolution");
  }
}
