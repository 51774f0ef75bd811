package fr.barometer.common.survey;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.corr;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percent_rank;
import static org.apache.spark.sql.functions.rank;

import fr.barometer.common.io.Columns;
import fr.barometer.common.score.Ties;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Produced quality (the audits' barometer score) beside perceived quality (the survey's overall
 * satisfaction), for the structures that have both, the survey's being PUBLISHED.
 */
public final class PerceivedVsProduced {
  private PerceivedVsProduced() {}

  /**
   * edition, structure_id, barometer_score, satisfaction_overall, gap (satisfaction minus score, in
   * points), percentile_produced, percentile_perceived (100 x PERCENT_RANK among these structures).
   */
  public static Dataset<Row> perStructure(
      Dataset<Row> structureScores, Dataset<Row> surveyStructureResults) {
    WindowSpec all = Window.partitionBy("edition");
    return structureScores
        .select("edition", "structure_id", "barometer_score")
        .join(
            surveyStructureResults
                .where(col("status").equalTo(SurveyResults.PUBLISHED))
                .select("edition", "structure_id", "satisfaction_overall"),
            Columns.on("edition", "structure_id"))
        .where(col("barometer_score").isNotNull().and(col("satisfaction_overall").isNotNull()))
        .select(
            col("edition"),
            col("structure_id"),
            col("barometer_score"),
            col("satisfaction_overall"),
            col("satisfaction_overall").minus(col("barometer_score")).as("gap"),
            lit(100.0)
                .multiply(percent_rank().over(all.orderBy(Ties.comparable(col("barometer_score")))))
                .as("percentile_produced"),
            lit(100.0)
                .multiply(
                    percent_rank().over(all.orderBy(Ties.comparable(col("satisfaction_overall")))))
                .as("percentile_perceived"));
  }

  /**
   * edition, n_structures, pearson, spearman (Pearson of the ranks, ties given their mean rank);
   * correlations are null below 3 structures.
   */
  public static Dataset<Row> correlation(Dataset<Row> perStructure) {
    Dataset<Row> ranked =
        perStructure
            .withColumn("rank_produced", meanRank("barometer_score"))
            .withColumn("rank_perceived", meanRank("satisfaction_overall"));
    Column n = count(lit(1));
    return ranked
        .groupBy("edition")
        .agg(
            n.as("n_structures"),
            corr("barometer_score", "satisfaction_overall").as("pearson"),
            corr("rank_produced", "rank_perceived").as("spearman"))
        .withColumn(
            "pearson",
            org.apache.spark.sql.functions.when(col("n_structures").geq(3), col("pearson")))
        .withColumn(
            "spearman",
            org.apache.spark.sql.functions.when(col("n_structures").geq(3), col("spearman")));
  }

  /** RANK plus half the other rows tied with it: the mean of the positions the ties occupy. */
  private static Column meanRank(String value) {
    Column compared = Ties.comparable(col(value));
    Column ties = count(lit(1)).over(Window.partitionBy(col("edition"), compared));
    return rank()
        .over(Window.partitionBy("edition").orderBy(compared))
        .plus(ties.minus(1).divide(2.0));
  }
}
