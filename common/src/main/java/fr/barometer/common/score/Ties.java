package fr.barometer.common.score;

import static org.apache.spark.sql.functions.round;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

  /**
   * The value as {@link #comparable} compares it, in plain Java: a whole number of 10^-9, equal for
   * two values exactly when their comparable values are equal, and in the same order. Spark rounds
   * a double's decimal text half up; far from a half (the usual case) the nearest whole number of
   * units is the same, and near one the decimal text is rounded as Spark does.
   */
  public static long units(double value) {
    double scaled = value * UNITS;
    double fraction = scaled - Math.floor(scaled);
    // Below 1,000 the double, its decimal text and the product differ by under 3 x 10^-4 units.
    if (Math.abs(value) < 1000 && Math.abs(fraction - 0.5) > 1e-3) {
      return (long) Math.rint(scaled);
    }
    return BigDecimal.valueOf(value)
        .setScale(DECIMALS, RoundingMode.HALF_UP)
        .unscaledValue()
        .longValueExact();
  }

  private static final double UNITS = 1e9;
}
