package fr.barometer.common.intervals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.domain.Channel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The intervals do what they say: over many simulated structures whose true barometer score is
 * known ({@link SimulatedEdition}), the 95% interval of the barometer score holds the true score
 * for 90% to 99% of them, and intervals narrow as audits are added.
 */
class CoverageTest {
  private static final int STRUCTURES = 2000;
  private static final EditionConfig CONFIG = EditionConfig.defaults();

  /** The share of intervals holding the true score, and their mean width. */
  record Coverage(double share, double meanWidth) {}

  static Coverage coverage(List<SimulatedEdition.Structure> structures, Pools pools) {
    StructureReplicates replicates = new StructureReplicates(SimulatedEdition.SLOTS, CONFIG);
    double[] scratch = new double[replicates.replicates()];
    int covered = 0;
    double width = 0;
    for (SimulatedEdition.Structure s : structures) {
      replicates.compute(s.id(), s.audits(), pools);
      Interval i = Interval.of(replicates.overall(), scratch);
      if (i.lower() <= s.trueScore() && s.trueScore() <= i.upper()) {
        covered++;
      }
      width += i.upper() - i.lower();
    }
    return new Coverage((double) covered / structures.size(), width / structures.size());
  }

  /**
   * At the 2017 quotas (one voicemail and one web audit per site), with structures differing as
   * little as the generator makes them (gain 0.2) and five times as much (gain 1.0). Without the
   * pools the one voicemail and one web audit stay fixed in every replicate, as a literal reading
   * of "resample each channel's audits" keeps them, and the intervals miss the true score for a
   * third of the structures.
   */
  @Test
  void ninetyFivePercentIntervalsHoldTheTrueScoreAtThe2017Quotas() {
    Map<Channel, Integer> quotas = SimulatedEdition.QUOTAS_2017;
    for (double gain : new double[] {SimulatedEdition.GAIN, 1.0}) {
      List<SimulatedEdition.Structure> structures =
          SimulatedEdition.structures(STRUCTURES, quotas, gain, 11);
      Coverage pooled = coverage(structures, SimulatedEdition.pools(structures, quotas));
      Coverage fixed = coverage(structures, Pools.none());
      System.out.printf(
          "2017 quotas, gain %.1f: coverage %.3f (mean width %.1f points); without the pools"
              + " (one-audit channels fixed) %.3f (%.1f)%n",
          gain, pooled.share(), pooled.meanWidth(), fixed.share(), fixed.meanWidth());
      assertTrue(pooled.share() >= 0.90 && pooled.share() <= 0.99, "coverage " + pooled.share());
      assertTrue(fixed.share() < 0.80, "one-audit channels fixed: " + fixed.share());
    }
  }

  /**
   * Doubling the audits narrows the intervals (by about 1 / sqrt(2)) and keeps their coverage,
   * whether the channels have few audits (2017 quotas, then twice and four times them: a channel of
   * 2 audits still borrows the pool's spread) or many (the same number on every channel, resampled
   * from the structure's own audits alone).
   */
  @Test
  void intervalsNarrowAsAuditsAreAdded() {
    double previous = Double.MAX_VALUE;
    for (int times : new int[] {1, 2, 4}) {
      Map<Channel, Integer> quotas = new HashMap<>();
      SimulatedEdition.QUOTAS_2017.forEach((c, n) -> quotas.put(c, n * times));
      List<SimulatedEdition.Structure> structures =
          SimulatedEdition.structures(500, quotas, 12 + times);
      Coverage c = coverage(structures, SimulatedEdition.pools(structures, quotas));
      System.out.printf(
          "2017 quotas x%d: coverage %.3f, mean width %.2f%n", times, c.share(), c.meanWidth());
      assertTrue(c.meanWidth() < 0.8 * previous, "width " + c.meanWidth() + " after " + previous);
      assertTrue(c.share() >= 0.88, "coverage " + c.share());
      previous = c.meanWidth();
    }
    previous = Double.MAX_VALUE;
    for (int n : new int[] {3, 6, 12, 24}) {
      Map<Channel, Integer> quotas = new HashMap<>();
      Channel.REMOTE.forEach(c -> quotas.put(c, n));
      List<SimulatedEdition.Structure> structures =
          SimulatedEdition.structures(500, quotas, 20 + n);
      Coverage c = coverage(structures, Pools.none());
      System.out.printf(
          "%d audits on every channel: coverage %.3f, mean width %.2f%n",
          n, c.share(), c.meanWidth());
      assertTrue(c.meanWidth() < 0.8 * previous, "width " + c.meanWidth() + " after " + previous);
      assertTrue(c.share() >= 0.88, "coverage " + c.share());
      previous = c.meanWidth();
    }
  }
}
