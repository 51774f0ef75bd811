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

  /**
   * Up to how many of the smallest (or largest) values are kept in order while reading the values
   * once: 25 and 26 of 1,000 replicates. Most values are beyond the kept ones and cost one
   * comparison, where a selection moves every value a few times.
   */
  private static final int EXTREMES = 64;

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
    if (low < EXTREMES && m - high <= EXTREMES) {
      return extremes(values, m, low + 1, m - high);
    }
    double lower = select(values, 0, m, low);
    // Selection leaves every value before position low at most the lower bound, every value
    // after it at least: the upper bound is among the latter.
    double upper = select(values, low, m, high);
    return new double[] {lower, upper};
  }

  /**
   * {@link #interval} of the {@code m} values of {@code values} that are not NaN, which this leaves
   * as they are; {@code scratch} (as long as {@code values}) may be overwritten.
   */
  public static double[] intervalOfNumbers(double[] values, int m, double[] scratch) {
    int low = rank(m, LOWER_PER_MILLE) - 1;
    int high = rank(m, UPPER_PER_MILLE) - 1;
    if (low >= EXTREMES || m - high > EXTREMES) {
      int k = 0;
      for (double v : values) {
        if (!Double.isNaN(v)) {
          scratch[k++] = v;
        }
      }
      return interval(scratch, m);
    }
    return extremes(values, values.length, low + 1, m - high);
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
   * The {@code fewest}-th smallest and the {@code most}-th largest of the numbers among the first
   * {@code length} values (NaN skipped), in one reading: the smallest are kept ascending, the
   * largest as their negatives ascending, so one insertion serves both.
   */
  private static double[] extremes(double[] values, int length, int fewest, int most) {
    double[] small = new double[fewest];
    double[] negatedLarge = new double[most];
    int smallSize = 0;
    int largeSize = 0;
    for (int i = 0; i < length; i++) {
      double v = values[i];
      if (Double.isNaN(v)) {
        continue;
      }
      if (smallSize < fewest || v < small[fewest - 1]) {
        smallSize = insert(small, smallSize, v);
      }
      if (largeSize < most || -v < negatedLarge[most - 1]) {
        largeSize = insert(negatedLarge, largeSize, -v);
      }
    }
    return new double[] {small[fewest - 1], -negatedLarge[most - 1]};
  }

  /**
   * Puts v in order among the first {@code size} values of {@code kept}, kept ascending; when they
   * fill it, the largest makes room. Returns the new size.
   */
  private static int insert(double[] kept, int size, double v) {
    int j = Math.min(size, kept.length - 1);
    while (j > 0 && kept[j - 1] > v) {
      kept[j] = kept[j - 1];
      j--;
    }
    kept[j] = v;
    return Math.min(size + 1, kept.length);
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
