package fr.barometer.common.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rint;
import static org.apache.spark.sql.functions.try_sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * The aggregate figures of spec 2.2, as Spark aggregate columns over answer_points rows ({@code
 * points}, {@code weight}; the audit count is the caller's). Weighted sums are taken exactly before
 * the one final division: double sums depend on the order Spark merges partial aggregates, and the
 * same edition scored twice must give identical tables.
 *
 * <p>Exact sums are of fixed-point longs: each term rounded to {@link #SCALE} (10^-12), then summed
 * as integers, which no merge order changes. A score is off by at most 100 x 0.5 x 10^-12 against
 * sums of unrounded terms. Spark's decimals would do the same, but a decimal made from a double is
 * a {@code java.math.BigDecimal} in every row and every partial sum: a fifth of the score step's
 * time at 40,000 structures. A long holds sums up to 9.2 x 10^6: a group's terms (points at most 1,
 * or scores at most 100, times a weight) add up to far less; beyond, the sum is null, never wrong.
 */
public final class ScoreFigures {
  /** Units per 1 in the fixed-point sums. */
  private static final double SCALE = 1e12;

  private ScoreFigures() {}

  /**
   * score, compliance, n_audits, n_applicable of the group, in that order; {@code nAudits} is the
   * aggregate that counts the group's audits.
   */
  public static Column[] figures(Column nAudits) {
    return new Column[] {
      score(col("points"), col("weight")).as("score"),
      compliance(col("points")).as("compliance"),
      nAudits.as("n_audits"),
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
   * sum(w x v) / sum(w) over the rows where both are set; null when none is, or when their weights
   * add up to 0.
   */
  public static Column weightedMean(Column value, Column weight) {
    Column weightedSum = weightedSum(value, weight);
    Column weights = weightSum(value, weight);
    Column mean = weightedSum.cast(DataTypes.DoubleType).divide(weights.cast(DataTypes.DoubleType));
    return when(weights.gt(0), mean);
  }

  /**
   * sum(w x v) over the rows where both are set, exact in units of 10^-12 (a long): the numerator
   * of {@link #weightedMean}. Sums of these over several groups add up to the sum over their union.
   */
  public static Column weightedSum(Column value, Column weight) {
    return try_sum(weightedTerm(value, weight));
  }

  /**
   * One row's term of {@link #weightedSum}: w x v in units of 10^-12, null unless both are set. A
   * long sum of these in any order is the same as the aggregate's.
   */
  public static Column weightedTerm(Column value, Column weight) {
    return when(counted(value, weight), fixedPoint(value.multiply(weight)));
  }

  /** One row's term of {@link #weightSum}: w in units of 10^-12, null unless both are set. */
  public static Column weightTerm(Column value, Column weight) {
    return when(counted(value, weight), fixedPoint(weight));
  }

  /**
   * sum(w) over the rows where both are set, in units of 10^-12: {@link #weightedMean}'s divisor.
   */
  public static Column weightSum(Column value, Column weight) {
    return try_sum(weightTerm(value, weight));
  }

  private static Column counted(Column value, Column weight) {
    return value.isNotNull().and(weight.isNotNull());
  }

  /**
   * {@link #score} from sums of {@link #weightedSum} and {@link #weightSum} of points, in plain
   * Java: the same double, NaN where the column is null (weights adding up to 0).
   */
  public static double score(long weightedSum, long weights) {
    return weights > 0 ? 100.0 * ((double) weightedSum / (double) weights) : Double.NaN;
  }

  /** A value in units of 10^-12, rounded as the columns' fixed-point terms are, in plain Java. */
  public static long units(double value) {
    return (long) Math.rint(value * SCALE);
  }

  /** The value in units of 10^-12, rounded to the nearest (rint: no BigDecimal, unlike round). */
  private static Column fixedPoint(Column value) {
    return rint(value.multiply(SCALE)).cast(DataTypes.LongType);
  }

  /** The plain mean of the set values, exact in the same way; null when none is set. */
  public static Column mean(Column value) {
    return weightedMean(value, lit(1.0));
  }
}
