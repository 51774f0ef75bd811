package fr.barometer.common.intervals;

/**
 * The replicates of one cell of the national barometer (a scope value and a measure): per
 * replicate, the sum of its structures' values (in exact units of 10^-9) and how many had one, so
 * that the sums of several tasks add up to the same cell whatever the partitioning.
 */
public final class CellMeans {
  private static final double UNITS = 1e9;

  private final long[] sums;
  private final int[] counts;

  public CellMeans(int replicates) {
    this.sums = new long[replicates];
    this.counts = new int[replicates];
  }

  public CellMeans(long[] sums, int[] counts) {
    this.sums = sums;
    this.counts = counts;
  }

  /**
   * A value in the sums' units of 10^-9, rounded to the nearest: any fixed rounding of each value
   * makes the sums exact, so they add up to the same whatever the partitioning. (Ties' rounding,
   * exact at half units, is for comparing values and costs three times as much.)
   */
  public static long units(double value) {
    return (long) Math.rint(value * UNITS);
  }

  /** Adds a structure's value in each replicate (NaN: none), in {@link #units}. */
  public void add(double[] values) {
    for (int b = 0; b < sums.length; b++) {
      double v = values[b];
      if (!Double.isNaN(v)) {
        sums[b] += units(v);
        counts[b]++;
      }
    }
  }

  /** Adds another part of the same cell. */
  public void add(CellMeans other) {
    for (int b = 0; b < sums.length; b++) {
      sums[b] += other.sums[b];
      counts[b] += other.counts[b];
    }
  }

  public long[] sums() {
    return sums;
  }

  public int[] counts() {
    return counts;
  }

  /** The 95% interval of the cell's mean over the replicates; null when none has a value. */
  public Interval meanInterval() {
    double[] means = new double[sums.length];
    for (int b = 0; b < sums.length; b++) {
      means[b] = counts[b] == 0 ? Double.NaN : sums[b] / (counts[b] * UNITS);
    }
    return Interval.of(means, new double[sums.length]);
  }
}
