package fr.barometer.common.intervals;

import fr.barometer.common.domain.PeerMeanComparison;
import fr.barometer.common.score.Ties;
import java.util.Arrays;

/**
 * Where each structure of one peer group ranks, replicate by replicate: every structure shares the
 * replicate index, so replicate b ranks the structures' replicate-b barometer scores against each
 * other and takes their mean. Ranks are SQL RANK over the scores descending (1 = best, equal scores
 * share a rank), scores compared at {@link Ties}' precision, among the structures that have a score
 * in that replicate; the peer mean is over the same structures, the structure included.
 */
public final class PeerGroupRanks {
  private static final double UNITS = 1e9;

  /**
   * How a compared value and the structure's position share a long ({@link #rankPacked}): the value
   * offset by 2^37 units (scores within +-137) in the high bits, the position in the low 25. Groups
   * or values beyond fall back to a binary search per structure.
   */
  private static final int INDEX_BITS = 25;

  private static final long MAX_PACKED_INDEX = (1L << INDEX_BITS) - 1;
  private static final long PACKED_OFFSET = 1L << 37;

  /** One structure's figures in its peer group. */
  public record Standing(
      int rank,
      int groupSize,
      Interval ranks,
      double pFirst,
      Double pFirstComplete,
      Interval gapToMean,
      PeerMeanComparison comparison) {}

  private PeerGroupRanks() {}

  /**
   * The standings of a peer group's structures, in the order given.
   *
   * @param published each structure's published barometer score (NaN: none, then no standing)
   * @param replicates each structure's barometer score per replicate (NaN: none in that replicate)
   * @param complete whether each structure is complete (a trophy candidate)
   * @return a standing per structure, null for one without a published score
   */
  public static Standing[] of(double[] published, double[][] replicates, boolean[] complete) {
    int n = published.length;
    int b = n == 0 ? 0 : replicates[0].length;
    long[] units = new long[n];
    long[] sorted = new long[n];
    int[] identityRanks = new int[n];
    int size = ranks(published, units, sorted, identityRanks);

    double[][] ranks = new double[n][b];
    double[][] gaps = new double[n][b];
    int[] firsts = new int[n];
    int[] firstsAmongComplete = new int[n];
    int[] present = new int[n];
    int[] replicateRanks = new int[n];
    double[] column = new double[n];
    for (int r = 0; r < b; r++) {
      for (int i = 0; i < n; i++) {
        column[i] = Double.isNaN(published[i]) ? Double.NaN : replicates[i][r];
      }
      int m = ranks(column, units, sorted, replicateRanks);
      long sum = 0;
      long bestComplete = Long.MIN_VALUE;
      for (int i = 0; i < n; i++) {
        if (!Double.isNaN(column[i])) {
          sum += units[i];
          if (complete[i]) {
            bestComplete = Math.max(bestComplete, units[i]);
          }
        }
      }
      for (int i = 0; i < n; i++) {
        if (Double.isNaN(column[i])) {
          ranks[i][r] = Double.NaN;
          gaps[i][r] = Double.NaN;
          continue;
        }
        present[i]++;
        ranks[i][r] = replicateRanks[i];
        if (replicateRanks[i] == 1) {
          firsts[i]++;
        }
        if (complete[i] && units[i] == bestComplete) {
          firstsAmongComplete[i]++;
        }
        // (score - mean) of the compared values, from exact sums: its sign is exact.
        gaps[i][r] = (double) (units[i] * m - sum) / (m * UNITS);
      }
    }

    Standing[] standings = new Standing[n];
    double[] scratch = new double[Math.max(b, 1)];
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(published[i]) || present[i] == 0) {
        continue;
      }
      Interval gap = Interval.of(gaps[i], scratch);
      standings[i] =
          new Standing(
              identityRanks[i],
              size,
              Interval.of(ranks[i], scratch),
              (double) firsts[i] / present[i],
              complete[i] ? (double) firstsAmongComplete[i] / present[i] : null,
              gap,
              PeerMeanComparison.of(Ties.units(gap.lower()), Ties.units(gap.upper())));
    }
    return standings;
  }

  /**
   * Ranks the values that are not NaN: fills {@code units} with their compared values and {@code
   * ranks} with their SQL RANK (1 + how many are larger); returns how many were ranked. {@code
   * sorted} is scratch.
   */
  private static int ranks(double[] values, long[] units, long[] sorted, int[] ranks) {
    int m = 0;
    boolean packable = values.length <= MAX_PACKED_INDEX;
    for (int i = 0; i < values.length; i++) {
      if (!Double.isNaN(values[i])) {
        units[i] = Ties.units(values[i]);
        packable &= Math.abs(units[i]) < PACKED_OFFSET;
        sorted[m++] = units[i];
      }
    }
    if (packable) {
      rankPacked(values, units, sorted, ranks, m);
      return m;
    }
    Arrays.sort(sorted, 0, m);
    for (int i = 0; i < values.length; i++) {
      if (!Double.isNaN(values[i])) {
        ranks[i] = 1 + m - upperBound(sorted, m, units[i]);
      }
    }
    return m;
  }

  /**
   * The ranks by one sort of (value, position) pairs packed in a long each, then a walk from the
   * largest: equal values take the rank of the first of them, 1 + how many were before.
   */
  private static void rankPacked(double[] values, long[] units, long[] sorted, int[] ranks, int m) {
    int k = 0;
    for (int i = 0; i < values.length; i++) {
      if (!Double.isNaN(values[i])) {
        sorted[k++] = ((units[i] + PACKED_OFFSET) << INDEX_BITS) | i;
      }
    }
    Arrays.sort(sorted, 0, m);
    int rank = 0;
    long previous = Long.MIN_VALUE;
    for (int j = m - 1; j >= 0; j--) {
      long value = sorted[j] >>> INDEX_BITS;
      if (value != previous) {
        rank = m - j;
        previous = value;
      }
      ranks[(int) (sorted[j] & MAX_PACKED_INDEX)] = rank;
    }
  }

  /** The first position of {@code sorted[0, m)} holding a value larger than {@code value}. */
  private static int upperBound(long[] sorted, int m, long value) {
    int lo = 0;
    int hi = m;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
