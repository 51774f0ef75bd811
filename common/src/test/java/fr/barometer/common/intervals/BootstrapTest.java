package fr.barometer.common.intervals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.PeerMeanComparison;
import fr.barometer.common.domain.Step;
import fr.barometer.common.score.ScoreFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bootstrap on cases small enough to work out by hand. */
class BootstrapTest {
  private static final Slots SLOTS = Slots.ofCriteria(List.of("C1"));
  private static final EditionConfig CONFIG = EditionConfig.defaults();
  private static final int EMAIL = Slots.channel(Channel.EMAIL);

  /** An e-mail audit scoring {@code points} of {@code of} on one item of weight {@code of}. */
  private static AuditSums email(String id, double points, double of) {
    return new AuditSums.Builder(SLOTS, id, Channel.EMAIL)
        .add(Step.ACCES, "C1", ScoreFigures.units(points), ScoreFigures.units(of))
        .build();
  }

  @Test
  void drawsAreAFixedFunctionOfEditionStratumReplicateAndDraw() {
    long stream = Draws.stream(2017, "S0001", "EMAIL");
    assertEquals(stream, Draws.stream(2017, "S0001", "EMAIL"));
    assertNotEquals(stream, Draws.stream(2016, "S0001", "EMAIL"));
    assertNotEquals(stream, Draws.stream(2017, "S0002", "EMAIL"));
    assertNotEquals(stream, Draws.stream(2017, "S0001", "PHONE"));
    // Pinned: a change of the scheme changes every published interval (docs/figures.md).
    int[] first = new int[8];
    for (int b = 0; b < 8; b++) {
      first[b] = Draws.position(stream, b, 0, 4);
    }
    // (The same figures from an independent implementation of the documented scheme.)
    assertArrayEquals(new int[] {1, 1, 3, 1, 3, 1, 3, 0}, first);
    // Each position about equally often.
    int[] counts = new int[5];
    for (int b = 0; b < 10_000; b++) {
      for (int j = 0; j < 5; j++) {
        counts[Draws.position(stream, b, j, 5)]++;
      }
    }
    for (int c : counts) {
      assertTrue(Math.abs(c - 10_000) < 400, "position drawn " + c + " times in 50,000");
    }
  }

  /**
   * A pool's deviations read back as the audit's score minus the mean of the pool's scores, both
   * when a slot has few distinct ones (kept as numbers in a table) and when it has more than a byte
   * numbers (kept as they are). Audit k of n scores k / n on the e-mail channel, slot of C1.
   */
  @Test
  void poolDeviationsAreTheAuditsScoresMinusTheirMean() {
    for (int n : new int[] {4, 300}) {
      List<AuditSums> audits = new ArrayList<>();
      double mean = 0;
      for (int k = 0; k < n; k++) {
        audits.add(email("A" + k, (double) k / n, 1));
        mean += (double) ScoreFigures.units((double) k / n) / ScoreFigures.units(1) / n;
      }
      Pools.Pool pool = new Pools(SLOTS, Map.of(Channel.EMAIL, audits)).of(Channel.EMAIL);
      assertEquals(n < 256, pool.coded(), "n = " + n);
      int place = pool.place[Slots.channel(Channel.EMAIL)];
      for (int k = 0; k < n; k++) {
        double score = (double) ScoreFigures.units((double) k / n) / ScoreFigures.units(1);
        assertEquals(score - mean, pool.deviation(k * pool.width, place), 1e-12, "k = " + k);
      }
    }
  }

  @Test
  void percentilesAreOrderStatistics() {
    assertEquals(25, Percentiles.rank(1000, Percentiles.LOWER_PER_MILLE));
    assertEquals(975, Percentiles.rank(1000, Percentiles.UPPER_PER_MILLE));
    assertEquals(1, Percentiles.rank(10, Percentiles.LOWER_PER_MILLE));
    assertEquals(10, Percentiles.rank(10, Percentiles.UPPER_PER_MILLE));
    double[] values = new double[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i * 7919) % 1000 + 1; // 1..1000, shuffled
    }
    assertArrayEquals(new double[] {25, 975}, Percentiles.interval(values, 1000));
    assertArrayEquals(new double[] {4, 4}, Percentiles.interval(new double[] {4}, 1));
    double[] ties = {2, 1, 2, 2, 1, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
    assertArrayEquals(new double[] {1, 3}, Percentiles.interval(ties, ties.length));
  }

  /**
   * Both ways of finding the bounds (values counted in slices of their range among NaN, a selection
   * among numbers only) give the sorted values' order statistics, repeated values and far outliers
   * included.
   */
  @Test
  void percentilesMatchTheSortedValues() {
    java.util.Random random = new java.util.Random(29);
    for (int m : new int[] {1, 2, 39, 40, 41, 999, 1000, 2559, 2600, 5000}) {
      double[] values = new double[m];
      for (int i = 0; i < m; i++) {
        values[i] = random.nextInt(m < 100 ? 5 : 300) - 20;
      }
      if (m == 999) {
        // Far outliers: the other values crowd into a few slices of the range.
        values[0] = 1e6;
        values[1] = -1e6;
        for (int i = 2; i < m; i++) {
          values[i] = 50 + random.nextGaussian() * 1e-3;
        }
      }
      double[] sorted = values.clone();
      java.util.Arrays.sort(sorted);
      double[] expected = {
        sorted[Percentiles.rank(m, Percentiles.LOWER_PER_MILLE) - 1],
        sorted[Percentiles.rank(m, Percentiles.UPPER_PER_MILLE) - 1]
      };
      // The same numbers among NaN (replicates without a value) give the same interval.
      double[] withGaps = new double[m + m / 3 + 1];
      java.util.Arrays.fill(withGaps, Double.NaN);
      for (int i = 0; i < m; i++) {
        withGaps[i + i / 3] = values[i];
      }
      Interval interval = Interval.of(withGaps, new double[withGaps.length]);
      assertEquals(new Interval(expected[0], expected[1], m), interval, "m = " + m);
      assertArrayEquals(expected, Percentiles.interval(values, m), "m = " + m);
    }
  }

  /** Distinct values and how often each occurs give the interval of the values repeated. */
  @Test
  void percentilesOfCountedValuesMatchTheRepeatedValues() {
    java.util.Random random = new java.util.Random(31);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + random.nextInt(35);
      double[] distinct = new double[n];
      int[] counts = new int[n];
      List<Double> repeated = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        // Distinct, in no order: i's place in a shuffle of 0..n-1, spread over a score's range.
        distinct[i] = ((i * 17 + trial) % n) * 100.0 / n - 3;
        counts[i] = trial % 3 == 0 ? 1 : 1 + random.nextInt(80);
        for (int c = 0; c < counts[i]; c++) {
          repeated.add(distinct[i]);
        }
      }
      java.util.Collections.shuffle(repeated, random);
      double[] values = repeated.stream().mapToDouble(Double::doubleValue).toArray();
      double[] expected = Percentiles.interval(values, values.length);
      assertArrayEquals(
          expected, Percentiles.intervalOfCounts(distinct, counts, n), "trial " + trial);
    }
  }

  /**
   * A slot's interval, however {@link StructureReplicates#interval} works it out, is that of its
   * replicates' values: every slot of every structure of a simulated edition, where one-stratum
   * slots of channels with two to four audits take the counted sets' way and the others the
   * values'.
   */
  @Test
  void aSlotsIntervalIsThatOfItsReplicates() {
    List<SimulatedEdition.Structure> structures =
        SimulatedEdition.structures(150, SimulatedEdition.QUOTAS_2017, 11);
    Pools pools = SimulatedEdition.pools(structures, SimulatedEdition.QUOTAS_2017);
    StructureReplicates replicates = new StructureReplicates(SimulatedEdition.SLOTS, CONFIG);
    double[] scratch = new double[replicates.replicates()];
    int checked = 0;
    for (SimulatedEdition.Structure structure : structures) {
      replicates.compute(structure.id(), structure.audits(), pools);
      for (int slot = 0; slot < SimulatedEdition.SLOTS.size(); slot++) {
        if (Double.isNaN(replicates.identity(slot))) {
          continue;
        }
        Interval expected = Interval.of(replicates.values(slot).clone(), scratch);
        assertEquals(expected, replicates.interval(slot, scratch), structure.id() + " " + slot);
        checked++;
      }
    }
    assertTrue(checked > 1000, checked + " slots checked");
  }

  /**
   * Two e-mail audits scoring 40 and 80 (equal weights), no pool: a replicate draws two of them, so
   * its plain score is 40 (both draws the first, 1 in 4), 60 (1 in 2) or 80 (1 in 4); rescaled by
   * sqrt(2 / 1) around the published 60, the replicate's score is 60 - 20 sqrt(2), 60 or 60 + 20
   * sqrt(2). Each end has far more than 2.5% of the replicates: they are the interval.
   */
  @Test
  void twoAuditsGiveThreeKnownReplicateValues() {
    StructureReplicates replicates = new StructureReplicates(SLOTS, CONFIG);
    List<AuditSums> audits = List.of(email("A1", 0.4, 1), email("A2", 0.8, 1));
    replicates.compute("S1", audits, Pools.none());
    assertEquals(60.0, replicates.identity(EMAIL), 1e-12);
    assertEquals(60.0, replicates.identityOverall(), 1e-12);
    double low = 60 - 20 * Math.sqrt(2);
    double high = 60 + 20 * Math.sqrt(2);
    long stream = Draws.stream(CONFIG.edition(), "S1", "EMAIL");
    int[] expected = new int[3];
    int[] seen = new int[3];
    for (int b = 0; b < replicates.replicates(); b++) {
      expected[Draws.position(stream, b, 0, 2) + Draws.position(stream, b, 1, 2)]++;
      double v = replicates.values(EMAIL)[b];
      int which = Math.abs(v - low) < 1e-9 ? 0 : Math.abs(v - 60) < 1e-9 ? 1 : 2;
      assertEquals(which == 2 ? high : which == 0 ? low : 60, v, 1e-9);
      assertEquals(v, replicates.overall()[b], 1e-9);
      seen[which]++;
    }
    assertArrayEquals(expected, seen);
    assertTrue(seen[0] > 200 && seen[1] > 400 && seen[2] > 200, java.util.Arrays.toString(seen));
    Interval interval = Interval.of(replicates.values(EMAIL), new double[1000]);
    assertEquals(low, interval.lower(), 1e-9);
    assertEquals(high, interval.upper(), 1e-9);
    assertEquals(1000, interval.replicates());

    // The same audits in another order give the same replicates.
    double[] first = replicates.values(EMAIL).clone();
    replicates.compute("S1", List.of(audits.get(1), audits.get(0)), Pools.none());
    assertArrayEquals(first, replicates.values(EMAIL));
  }

  /**
   * One e-mail audit scoring 50, and a pool of two e-mail audits scoring 20 (on twice the weight of
   * applicable answers) and 80: their scores' mean is 50, and each replicate moves the structure's
   * 50 by -30 or +30. (Their pooled ratio, 40, would move it by -20 or +40: up on average.)
   */
  @Test
  void oneAuditBorrowsThePoolsSpread() {
    Pools pools =
        new Pools(SLOTS, Map.of(Channel.EMAIL, List.of(email("P1", 0.4, 2), email("P2", 0.8, 1))));
    StructureReplicates replicates = new StructureReplicates(SLOTS, CONFIG);
    replicates.compute("S1", List.of(email("A1", 0.5, 1)), pools);
    assertEquals(50.0, replicates.identity(EMAIL), 1e-12);
    assertEquals(1, replicates.audits(EMAIL));
    int low = 0;
    for (double v : replicates.values(EMAIL)) {
      assertTrue(Math.abs(v - 20) < 1e-9 || Math.abs(v - 80) < 1e-9, "replicate " + v);
      low += v < 50 ? 1 : 0;
    }
    assertTrue(low > 400 && low < 600, low + " replicates moved down");
    // Without a pool the one audit is the same in every replicate.
    replicates.compute("S1", List.of(email("A1", 0.5, 1)), Pools.none());
    for (double v : replicates.values(EMAIL)) {
      assertEquals(50.0, v, 1e-12);
    }
  }

  /**
   * Three structures, two replicates. Replicate 0: A 80, B 70, C 70 (B and C tie for second);
   * replicate 1: A 60, B 90, C 70.
   */
  @Test
  void ranksInEachReplicateWithTies() {
    double[] published = {75, 72, 70, Double.NaN};
    double[][] replicates = {{80, 60}, {70, 90}, {70 + 1e-12, 70}, {Double.NaN, Double.NaN}};
    boolean[] complete = {false, true, true, true};
    PeerGroupRanks.Standing[] s = PeerGroupRanks.of(published, replicates, complete);
    assertNull(s[3]);
    assertEquals(1, s[0].rank());
    assertEquals(3, s[0].groupSize());
    assertEquals(new Interval(1, 3, 2), s[0].ranks());
    assertEquals(0.5, s[0].pFirst());
    assertNull(s[0].pFirstComplete());
    // Equal to 9 decimals, B and C share rank 2 in replicate 0.
    assertEquals(new Interval(1, 2, 2), s[1].ranks());
    assertEquals(new Interval(2, 2, 2), s[2].ranks());
    // Among the complete ones (B, C): B first in replicate 1, tied first in replicate 0.
    assertEquals(1.0, s[1].pFirstComplete());
    assertEquals(0.5, s[2].pFirstComplete());
    // Peer means 73 1/3 and 73 1/3: A's gaps 6 2/3 and -13 1/3 hold 0.
    assertEquals(-40.0 / 3, s[0].gapToMean().lower(), 1e-9);
    assertEquals(20.0 / 3, s[0].gapToMean().upper(), 1e-9);
    assertEquals(PeerMeanComparison.NOT_SIGNIFICANT, s[0].comparison());
    // C's gaps -3 1/3 and -3 1/3: below the mean in every replicate.
    assertEquals(PeerMeanComparison.BELOW, s[2].comparison());
  }

  @Test
  void theBarometerScoreWeighsTheRemoteChannels() {
    EditionConfig config = EditionConfig.defaults();
    StructureReplicates replicates = new StructureReplicates(SLOTS, config);
    List<AuditSums> audits = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      audits.add(email("E" + i, 0.5, 1));
    }
    for (int i = 0; i < 3; i++) {
      audits.add(
          new AuditSums.Builder(SLOTS, "P" + i, Channel.PHONE)
              .add(Step.ACCUEIL, "C1", ScoreFigures.units(1), ScoreFigures.units(1))
              .build());
    }
    audits.add(
        new AuditSums.Builder(SLOTS, "V1", Channel.VISIT)
            .add(Step.ACCUEIL, "C1", 0, ScoreFigures.units(1))
            .build());
    replicates.compute("S1", audits, Pools.none());
    assertEquals(75.0, replicates.identityOverall(), 1e-12);
    assertEquals(0.0, replicates.identity(Slots.channel(Channel.VISIT)));
    // Every audit of a channel scores the same: no replicate moves.
    for (double v : replicates.overall()) {
      assertEquals(75.0, v, 1e-9);
    }
  }
}
