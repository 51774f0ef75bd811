package fr.barometer.common.intervals;

import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.Step;
import fr.barometer.common.score.ScoreFigures;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Structures whose expected barometer score is known, audited at random: a small version of the
 * generator's quality model (data-samples/generator QualityModel). A structure has a latent quality
 * q (standard normal); an audit shows q plus its own noise (sd 0.4); each answer is good (1 point)
 * with probability sigmoid(logit(rate) + 0.2 x quality), its item's national rate moved by the
 * audit's quality; on the e-mail, letter and voicemail channels the service may never answer (more
 * often the worse the audit), and then every TRAITEMENT item scores 0, as the pipeline scores an
 * unanswered audit. Its true barometer score is the limit of its score as audits are added: per
 * channel the expected points over the audit's quality, the channels' mean (all weights 1).
 */
final class SimulatedEdition {
  /** The generator's gain: structures differ little, audits much. */
  static final double GAIN = 0.20;

  static final double AUDIT_SD = 0.4;

  /** One item of the simulated grid. */
  record Item(Step step, String criterion, double rate, double weight) {}

  /** A channel's items, and how often an audit there goes unanswered (at quality 0). */
  record ChannelGrid(List<Item> items, double silence) {}

  static final Map<Channel, ChannelGrid> GRID = new EnumMap<>(Channel.class);

  static {
    GRID.put(
        Channel.EMAIL,
        new ChannelGrid(
            List.of(
                new Item(Step.ACCES, "C01", 0.90, 1),
                new Item(Step.ACCUEIL, "C02", 0.80, 1),
                new Item(Step.ACCUEIL, "C03", 0.70, 2),
                new Item(Step.TRAITEMENT, "C04", 0.70, 1),
                new Item(Step.TRAITEMENT, "C05", 0.60, 2),
                new Item(Step.TRAITEMENT, "C06", 0.65, 1)),
            0.05));
    GRID.put(
        Channel.PHONE,
        new ChannelGrid(
            List.of(
                new Item(Step.ACCES, "C01", 0.93, 1),
                new Item(Step.ACCUEIL, "C02", 0.85, 1),
                new Item(Step.ACCUEIL, "C03", 0.80, 1),
                new Item(Step.TRAITEMENT, "C04", 0.75, 1),
                new Item(Step.TRAITEMENT, "C05", 0.70, 1),
                new Item(Step.TRAITEMENT, "C06", 0.80, 1)),
            0));
    GRID.put(
        Channel.VOICEMAIL,
        new ChannelGrid(
            List.of(
                new Item(Step.ACCES, "C01", 0.90, 1),
                new Item(Step.ACCUEIL, "C02", 0.80, 1),
                new Item(Step.TRAITEMENT, "C04", 0.70, 1),
                new Item(Step.TRAITEMENT, "C05", 0.60, 1)),
            0.25));
    GRID.put(
        Channel.LETTER,
        new ChannelGrid(
            List.of(
                new Item(Step.ACCES, "C01", 0.85, 1),
                new Item(Step.ACCUEIL, "C03", 0.75, 1),
                new Item(Step.TRAITEMENT, "C04", 0.65, 2),
                new Item(Step.TRAITEMENT, "C05", 0.60, 1),
                new Item(Step.TRAITEMENT, "C06", 0.70, 1)),
            0.08));
    GRID.put(
        Channel.WEB,
        new ChannelGrid(
            List.of(
                new Item(Step.ACCES, "C01", 0.80, 1),
                new Item(Step.ACCES, "C02", 0.70, 1),
                new Item(Step.ACCUEIL, "C03", 0.65, 1),
                new Item(Step.ACCUEIL, "C06", 0.75, 1),
                new Item(Step.TRAITEMENT, "C05", 0.55, 1)),
            0));
  }

  static final Slots SLOTS = Slots.ofCriteria(List.of("C01", "C02", "C03", "C04", "C05", "C06"));

  /** The 2017 quotas of the remote channels: one voicemail and one web audit per site. */
  static final Map<Channel, Integer> QUOTAS_2017 =
      Map.of(
          Channel.EMAIL,
          4,
          Channel.PHONE,
          4,
          Channel.VOICEMAIL,
          1,
          Channel.LETTER,
          3,
          Channel.WEB,
          1);

  /** A simulated structure: its quality, its true barometer score and its audits. */
  record Structure(String id, double quality, double trueScore, List<AuditSums> audits) {}

  private SimulatedEdition() {}

  /** {@code n} structures audited {@code quotas} times per channel, from {@code seed}. */
  static List<Structure> structures(int n, Map<Channel, Integer> quotas, long seed) {
    return structures(n, quotas, GAIN, seed);
  }

  /**
   * {@code n} structures audited {@code quotas} times per channel, an answer's logit moved by
   * {@code gain} per unit of quality.
   */
  static List<Structure> structures(int n, Map<Channel, Integer> quotas, double gain, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Structure> out = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      double quality = random.nextGaussian();
      String id = String.format("S%05d", s);
      List<AuditSums> audits = new ArrayList<>();
      for (Channel c : Channel.REMOTE) {
        for (int a = 0; a < quotas.getOrDefault(c, 0); a++) {
          audits.add(audit(id + "-" + c + "-" + a, c, quality, gain, random));
        }
      }
      out.add(new Structure(id, quality, trueScore(quality, gain), audits));
    }
    return out;
  }

  /** The pool of each channel with too few audits: every audit of the channel in the edition. */
  static Pools pools(List<Structure> structures, Map<Channel, Integer> quotas) {
    return pools(structures, quotas, SLOTS);
  }

  static Pools pools(List<Structure> structures, Map<Channel, Integer> quotas, Slots slots) {
    Map<Channel, List<AuditSums>> pools = new EnumMap<>(Channel.class);
    quotas.forEach(
        (c, n) -> {
          if (n < StructureReplicates.OWN_SPREAD) {
            List<AuditSums> pool = new ArrayList<>();
            structures.forEach(
                s -> s.audits().stream().filter(a -> a.channel() == c).forEach(pool::add));
            pools.put(c, pool);
          }
        });
    return new Pools(slots, pools);
  }

  private static AuditSums audit(
      String auditId, Channel channel, double quality, double gain, SplittableRandom random) {
    ChannelGrid grid = GRID.get(channel);
    double shown = quality + AUDIT_SD * random.nextGaussian();
    boolean silent = random.nextDouble() < silence(grid.silence(), shown, gain);
    AuditSums.Builder audit = new AuditSums.Builder(SLOTS, auditId, channel);
    for (Item item : grid.items()) {
      boolean good =
          !(silent && item.step() == Step.TRAITEMENT)
              && random.nextDouble() < rate(item.rate(), shown, gain);
      double points = good ? 1 : 0;
      audit.add(
          item.step(),
          item.criterion(),
          ScoreFigures.units(points * item.weight()),
          ScoreFigures.units(item.weight()));
    }
    return audit.build();
  }

  static double rate(double rate, double quality, double gain) {
    return sigmoid(logit(rate) + gain * quality);
  }

  static double silence(double rate, double quality, double gain) {
    return rate == 0 ? 0 : sigmoid(logit(rate) - gain * quality);
  }

  /** The expected barometer score at this quality, over the audits' noise (quadrature). */
  static double trueScore(double quality, double gain) {
    double sum = 0;
    for (Channel c : Channel.REMOTE) {
      sum += expectedChannelScore(c, quality, gain);
    }
    return sum / Channel.REMOTE.size();
  }

  /** The channel's expected score: every audit applies every item, so its points' mean. */
  static double expectedChannelScore(Channel channel, double quality, double gain) {
    ChannelGrid grid = GRID.get(channel);
    double total = 0;
    double norm = 0;
    int steps = 400;
    for (int k = 0; k <= steps; k++) {
      double z = -6 + 12.0 * k / steps;
      double density = Math.exp(-z * z / 2);
      double shown = quality + AUDIT_SD * z;
      double silent = silence(grid.silence(), shown, gain);
      double points = 0;
      double weights = 0;
      for (Item item : grid.items()) {
        double p = rate(item.rate(), shown, gain);
        if (item.step() == Step.TRAITEMENT) {
          p *= 1 - silent;
        }
        points += item.weight() * p;
        weights += item.weight();
      }
      total += density * 100 * points / weights;
      norm += density;
    }
    return total / norm;
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
