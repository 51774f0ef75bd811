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
      return new double[] {smallest(values, m, low + 1), largest(values, m, m - high)};
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
    // One reading for both bounds; NaN fails every comparison, so it is never kept.
    int fewest = low + 1;
    int most = m - high;
    double[] small = new double[fewest];
    double[] large = new double[most];
    int smallSize = 0;
    int largeSize = 0;
    for (double v : values) {
      if (Double.isNaN(v)) {
        continue;
      }
      if (smallSize < fewest || v < small[fewest - 1]) {
        smallSize = insertAscending(small, Math.min(smallSize, fewest - 1), v, smallSize == fewest);
      }
      if (largeSize < most || v > large[most - 1]) {
        largeSize = insertDescending(large, Math.min(largeSize, most - 1), v, largeSize == most);
      }
    }
    return new double[] {small[fewest - 1], large[most - 1]};
  }

  /**
   * Puts v among the first {@code size} values of {@code kept}, kept ascending; when {@code full},
   * the last one makes room. Returns the new size.
   */
  private static int insertAscending(double[] kept, int size, double v, boolean full) {
    int j = size;
    while (j > 0 && kept[j - 1] > v) {
      kept[j] = kept[j - 1];
      j--;
    }
    kept[j] = v;
    return full ? kept.length : size + 1;
  }

  /** As {@link #insertAscending}, kept descending. */
  private static int insertDescending(double[] kept, int size, double v, boolean full) {
    int j = size;
    while (j > 0 && kept[j - 1] < v) {
      kept[j] = kept[j - 1];
      j--;
    }
    kept[j] = v;
    return full ? kept.length : size + 1;
  }

  /** The {@code count}-th smallest of the first {@code m} values (count at most m). */
  static double smallest(double[] values, int m, int count) {
    double[] kept = new double[count];
    int size = 0;
    for (int i = 0; i < m; i++) {
      double v = values[i];
      if (size == count) {
        if (v >= kept[count - 1]) {
          continue;
        }
        size--;
      }
      int j = size++;
      while (j > 0 && kept[j - 1] > v) {
        kept[j] = kept[j - 1];
        j--;
      }
      kept[j] = v;
    }
    return kept[count - 1];
  }

  /** The {@code count}-th largest of the first {@code m} values (count at most m). */
  static double largest(double[] values, int m, int count) {
    double[] kept = new double[count];
    int size = 0;
    for (int i = 0; i < m; i++) {
      double v = values[i];
      if (size == count) {
        if (v <= kept[count - 1]) {
          continue;
        }
        size--;
      }
      int j = size++;
      while (j > 0 && kept[j - 1] < v) {
        kept[j] = kept[j - 1];
        j--;
      }
      kept[j] = v;
    }
    return kept[count - 1];
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
