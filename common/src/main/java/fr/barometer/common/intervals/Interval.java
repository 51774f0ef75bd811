package fr.barometer.common.intervals;

/**
 * A 95% percentile interval over the replicates in which the figure has a value.
 *
 * @param lower the 2.5th percentile ({@link Percentiles})
 * @param upper the 97.5th percentile
 * @param replicates how many replicates gave the figure a value
 */
public record Interval(double lower, double upper, int replicates) {

  /**
   * The interval of the values that are not NaN, or null when every one is; {@code scratch} holds
   * at least as many values and is overwritten.
   */
  public static Interval of(double[] values, double[] scratch) {
    int m = numbers(values);
    if (m == 0) {
      return null;
    }
    double[] bounds = Percentiles.intervalOfNumbers(values, m, scratch);
    return new Interval(bounds[0], bounds[1], m);
  }

  /** How many of the values are numbers (not NaN). */
  public static int numbers(double[] values) {
    int m = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        m++;
      }
    }
    return m;
  }
}
