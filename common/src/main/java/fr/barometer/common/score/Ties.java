package fr.barometer.common.score;

import static org.apache.spark.sql.functions.round;

import org.apache.spark.sql.Column;

/**
 * Equal scores are equal. Scores are ratios of small integers reached along different arithmetic
 * paths (8/9 of a weight, or a sum of ninths): two equal scores may differ in the last bits of a
 * double. Every comparison of values (rank, percentile, quartile, the order of gaps, trophies,
 * participation) is made on the value rounded to {@link #DECIMALS} decimals; stored values stay
 * unrounded.
 */
public final class Ties {
  /** Values equal to this many decimals are equal. */
  public static final int DECIMALS = 9;

  private Ties() {}

  /** The value as it is compared: rounded to {@link #DECIMALS} decimals, so equal scores tie. */
  public static Column comparable(Column value) {
    return round(value, DECIMALS);
  }
}
