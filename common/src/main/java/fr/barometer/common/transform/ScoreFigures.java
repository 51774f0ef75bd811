package fr.barometer.common.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * The aggregate figures of spec 2.2, as Spark aggregate columns over answer_points rows ({@code
 * points}, {@code weight}, {@code audit_id}). Weighted sums are taken in exact decimals before the
 * one final division: double sums depend on the order Spark merges partial aggregates, and the
 * same edition scored twice must give identical tables.
 */
public final class ScoreFigures {
  /** Exact enough for points in [0, 1] times weights, and summed without rounding drift. */
  private static final DecimalType EXACT = DataTypes.createDecimalType(38, 18);

  private ScoreFigures() {}

  /** score, compliance, n_audits, n_applicable of the group, in that order. */
  public static Column[] figures() {
    return new Column[] {
      score(col("points"), col("weight")).as("score"),
      compliance(col("points")).as("compliance"),
      countDistinct(col("audit_id")).as("n_audits"),
      count(col("points")).as("n_applicable")
    };
  }

  /** 100 x sum(w x points) / sum(w) over applicable answers (points not null); null when none. */
  public static Column score(Column points, Column weight) {
    return lit(100.0).multiply(weightedMean(points, weight));
  }

  /** 100 x (answers with points = 1) / (applicable answers); null when none is applicable. */
  public static Column compliance(Column points) {
    Column applicable = count(points);
    Column compliant = count(when(points.equalTo(1.0), lit(1)));
    return when(applicable.gt(0), lit(100.0).multiply(compliant).divide(applicable));
  }

  /**
   * sum(w x v) / sum(w) over the rows where both are set; null when none is, or when their
   * weights add up to 0.
   */
  public static Column weightedMean(Column value, Column weight) {
    Column counted = value.isNotNull().and(weight.isNotNull());
    Column weightedSum = sum(when(counted, value.multiply(weight)).cast(EXACT));
    Column weights = sum(when(counted, weight).cast(EXACT));
    Column mean =
        weightedSum.cast(DataTypes.DoubleType).divide(weights.cast(DataTypes.DoubleType));
    return when(weights.gt(0), mean);
  }

  /** The plain mean of the set values, exact in the same way; null when none is set. */
  public static Column mean(Column value) {
    return weightedMean(value, lit(1.0));
  }
}
