package fr.barometer.common.report;

import static org.apache.spark.sql.functions.col;

import fr.barometer.common.io.Columns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a report says of the uncertainty of its figures: each score's 95% interval, and for the
 * barometer score where the structure ranks among its peers across the bootstrap replicates, as
 * {@link Disclosure#intervals} lets it see them.
 */
public final class IntervalSection {
  private IntervalSection() {}

  /**
   * The report with one more column, intervals: measure, lower, upper, replicates, rank_lower,
   * rank_upper, p_first, gap_to_peer_mean_lower, gap_to_peer_mean_upper, vs_peer_mean; one per
   * measure the coverage lists and the structure has a score on.
   *
   * @param report a report dataset
   * @param intervals {@link Disclosure#intervals} of the report's edition
   */
  public static Dataset<Row> add(
      Dataset<Row> report, Dataset<Row> intervals, EvolutionSection.Coverage coverage) {
    Dataset<Row> perStructure =
        Reports.perStructure(
            intervals.where(coverage.selects()),
            "intervals",
            col("measure"),
            col("lower"),
            col("upper"),
            col("replicates"),
            col("rank_lower"),
            col("rank_upper"),
            col("p_first"),
            col("gap_to_peer_mean_lower"),
            col("gap_to_peer_mean_upper"),
            col("vs_peer_mean"));
    return Reports.orEmpty(
        report.join(perStructure, Columns.on("edition", "structure_id"), "left"), "intervals");
  }
}
