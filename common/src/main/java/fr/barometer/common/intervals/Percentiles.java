package fr.barometer.common.intervals;

/**
 * The bounds of a 95% percentile interval over bootstrap replicates: the 2.5th and 97.5th
 * percentiles by the inverse of the empirical distribution function (Hyndman and Fan's type 1): the
 * q-th percentile of m values is the k-th smallest, k = ceil(m x q), at least 1. For m = 1000 the
 * 25th and the 975th smallest values. A bound is always one of the replicates' values (a rank stays
 * a whole rank), and equal values never need interpolating.
 */
public final class Percentiles {
  /** The lower bound's percentile, in thousandths. */
  public static final int LOWER_PER_MILLE = 25;

  /** The upper bound's percentile, in thousandths. */
  public static final int UPPER_PER_MILLE = 975;

  private static final int SMALL = 16;

  /** How many slices of their range the values are counted in ({@link #intervalOfNumbers}). */
  private static final int BUCKETS = 512;

  private Percentiles() {}

  /** Which smallest value (1 = the smallest) is the {@code perMille} percentile of m values. */
  public static int rank(int m, int perMille) {
    return (int) Math.max(1, (m * (long) perMille + 999) / 1000);
  }

  /**
   * The 2.5th and 97.5th percentiles of the first {@code m} values of {@code values} (m at least
   * 1), which this may reorder.
   */
  public static double[] interval(double[] values, int m) {
    int low = rank(m, LOWER_PER_MILLE) - 1;
    int high = rank(m, UPPER_PER_MILLE) - 1;
    double lower = select(values, 0, m, low);
    // Selection leaves every value before position low at most the lower bound, every value
    // after it at least: the upper bound is among the latter.
    double upper = select(values, low, m, high);
    return new double[] {lower, upper};
  }

  /**
   * {@link #interval} of the {@code m} values of {@code values} that are not NaN, which this leaves
   * as they are; {@code scratch} (as long as {@code values}) may be overwritten. The values are
   * counted in {@link #BUCKETS} equal slices of their range; the two bounds are then selected among
   * the values of the slices that hold them, a few dozen of a thousand: three readings of the
   * values, each with little work per value.
   */
  public static double[] intervalOfNumbers(double[] values, int m, double[] scratch) {
    int lowK = rank(m, LOWER_PER_MILLE);
    int highK = rank(m, UPPER_PER_MILLE);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = v < min ? v : min; // NaN compares false: skipped
      max = v > max ? v : max;
    }
    if (min == max) {
      return new double[] {min, max};
    }
    double scale = (BUCKETS - 1) / (max - min);
    if (Double.isInfinite(scale)) {
      return interval(numbers(values, scratch), m);
    }
    int[] counts = new int[BUCKETS];
    for (double v : values) {
      if (!Double.isNaN(v)) {
        counts[(int) ((v - min) * scale)]++;
      }
    }
    int low = 0;
    int belowLow = 0;
    while (belowLow + counts[low] < lowK) {
      belowLow += counts[low++];
    }
    int high = low;
    int belowHigh = belowLow;
    while (belowHigh + counts[high] < highK) {
      belowHigh += counts[high++];
    }
    // The slice monotonically follows the value, so the bounds are the right ones within them.
    int lowSize = counts[low];
    int atLow = 0;
    int atHigh = lowSize;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        int slice = (int) ((v - min) * scale);
        if (slice == low) {
          scratch[atLow++] = v;
        } else if (slice == high) {
          scratch[atHigh++] = v;
        }
      }
    }
    double lower = select(scratch, 0, lowSize, lowK - belowLow - 1);
    double upper =
        high == low
            ? select(scratch, 0, lowSize, highK - belowLow - 1)
            : select(scratch, lowSize, atHigh, lowSize + highK - belowHigh - 1);
    return new double[] {lower, upper};
  }

  /** The values that are not NaN, copied to the start of {@code scratch}. */
  private static double[] numbers(double[] values, double[] scratch) {
    int k = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        scratch[k++] = v;
      }
    }
    return scratch;
  }

  /**
   * {@link #interval} of values given as the first {@code n} distinct numbers of {@code values}
   * (not NaN), each occurring {@code counts} times (at least 1 in all), which this may reorder: the
   * bounds read off the counts in the values' order, without the values repeated.
   */
  public static double[] intervalOfCounts(double[] values, int[] counts, int n) {
    int m = 0;
    for (int i = 0; i < n; i++) {
      m += counts[i];
      double v = values[i];
      int c = counts[i];
      int j = i - 1;
      while (j >= 0 && values[j] > v) {
        values[j + 1] = values[j];
        counts[j + 1] = counts[j];
        j--;
      }
      values[j + 1] = v;
      counts[j + 1] = c;
    }
    return new double[] {
      smallest(values, counts, rank(m, LOWER_PER_MILLE)),
      smallest(values, counts, rank(m, UPPER_PER_MILLE))
    };
  }

  /** The k-th smallest value (k from 1) of sorted distinct values occurring counts times each. */
  private static double smallest(double[] values, int[] counts, int k) {
    int i = 0;
    int seen = counts[0];
    while (seen < k) {
      seen += counts[++i];
    }
    return values[i];
  }

  /**
   * The value that position {@code k} would hold if {@code a[from, to)} were sorted ascending; the
   * range is reordered so that no value before k is larger and none after it smaller. Quickselect
   * with a three-way partition: bootstrap replicates repeat values often.
   */
  static double select(double[] a, int from, int to, int k) {
    int lo = from;
    int hi = to;
    while (hi - lo > SMALL) {
      double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi - 1]);
      int lt = lo;
      int i = lo;
      int gt = hi;
      while (i < gt) {
        double v = a[i];
        if (v < pivot) {
          a[i++] = a[lt];
          a[lt++] = v;
        } else if (v > pivot) {
          a[i] = a[--gt];
          a[gt] = v;
        } else {
          i++;
        }
      }
      if (k < lt) {
        hi = lt;
      } else if (k >= gt) {
        lo = gt;
      } else {
        return pivot;
      }
    }
    for (int i = lo + 1; i < hi; i++) {
      double v = a[i];
      int j = i - 1;
      while (j >= lo && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
    return a[k];
  }

  private static double medianOfThree(double x, double y, double z) {
    return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
  }
}
