package fr.barometer.common.transform;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import fr.barometer.common.config.EditionConfig;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The anonymous national barometer (spec 4): per scope and measure, the distribution of the
 * structures' figures. It holds no identifying column; a cell with fewer than k_anonymity
 * structures keeps its count only.
 */
public final class NationalBarometer {
  public static final String NATIONAL = "NATIONAL";
  public static final String CATEGORY = "CATEGORY";
  public static final String STRATUM = "STRATUM";
  public static final String REGION = "REGION";
  /** The scope_value of the NATIONAL scope. */
  public static final String FRANCE = "FRANCE";

  private NationalBarometer() {}

  /**
   * edition, scope, scope_value, measure, n_structures, suppressed, mean, p25, median, p75,
   * compliance. Percentiles are continuous (linear interpolation); compliance is pooled over the
   * cell's main sites' answers (the remote channels' for OVERALL).
   */
  public static Dataset<Row> cells(Dataset<Row> measures, EditionConfig config) {
    Dataset<Row> scoped = inScope(measures, lit(NATIONAL), lit(FRANCE))
        .unionByName(inScope(measures, lit(CATEGORY), col("category")))
        .unionByName(inScope(measures, lit(STRATUM), col("stratum")))
        .unionByName(inScope(measures, lit(REGION), col("region_code")))
        .where(col("scope_value").isNotNull());
    Dataset<Row> figures = scoped.groupBy("edition", "scope", "scope_value", "measure").agg(
        count(lit(1)).as("n_structures"),
        avg("value").as("mean"),
        expr("percentile(value, 0.25)").as("p25"),
        expr("percentile(value, 0.5)").as("median"),
        expr("percentile(value, 0.75)").as("p75"),
        when(sum("applicable").gt(0), lit(100.0).multiply(sum("compliant")).divide(sum("applicable")))
            .as("compliance"));
    return suppressSmallCells(figures, config.kAnonymity());
  }

  /** Primary suppression: below k structures, only the count is published. */
  static Dataset<Row> suppressSmallCells(Dataset<Row> figures, int k) {
    Column suppressed = col("n_structures").lt(k);
    Dataset<Row> out = figures.withColumn("suppressed", suppressed);
    for (String value : new String[] {"mean", "p25", "median", "p75", "compliance"}) {
      out = out.withColumn(value, when(suppressed.unary_$bang(), col(value)));
    }
    return out.select("edition", "scope", "scope_value", "measure", "n_structures", "suppressed", "mean", "p25",
        "median", "p75", "compliance");
  }

  private static Dataset<Row> inScope(Dataset<Row> measures, Column scope, Column value) {
    return measures.select(col("edition"), scope.as("scope"), value.as("scope_value"), col("measure"),
        col("value"), col("compliant"), col("applicable"));
  }
}
