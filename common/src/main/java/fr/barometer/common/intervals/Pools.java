package fr.barometer.common.intervals;

import fr.barometer.common.domain.Channel;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How far one audit of a channel may stray from the channel's usual score: every main-site audit of
 * the channel in the edition, each as its deviation from the channel's national mean, per measure.
 * A channel where a structure has a single audit cannot show how much another audit would have
 * differed; the edition's audits of that channel can (docs/decisions.md).
 */
public final class Pools implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Per channel, per audit of the pool, per slot: the audit's deviation ({@link #deviations}). */
  private final Map<Channel, double[][]> deviations = new EnumMap<>(Channel.class);

  /**
   * The pools of these channels, each from its audits in a fixed order (by structure, then audit
   * id): draws pick them by position.
   */
  public Pools(Slots slots, Map<Channel, List<AuditSums>> byChannel) {
    byChannel.forEach(
        (channel, audits) -> {
          if (!audits.isEmpty()) {
            deviations.put(channel, deviations(slots, audits));
          }
        });
  }

  /** No pool: a one-audit channel keeps its one audit in every replicate. */
  public static Pools none() {
    return new Pools(Slots.ofCriteria(List.of()), Map.of());
  }

  /**
   * Each audit's score minus the mean of the pool's audits' scores, per slot, as fractions of 1; 0
   * where the audit has nothing applicable. The mean is of the audits' scores, not their pooled
   * ratio: deviations then average to 0, so moving an audit by a drawn deviation leaves its score
   * where it was on average (audits with fewer applicable answers, often the unanswered ones, would
   * otherwise pull every replicate down).
   */
  private static double[][] deviations(Slots slots, List<AuditSums> audits) {
    double[] sums = new double[slots.size()];
    int[] counts = new int[slots.size()];
    for (AuditSums a : audits) {
      for (int i = 0; i < a.slots().length; i++) {
        if (a.weights()[i] > 0) {
          sums[a.slots()[i]] += (double) a.weighted()[i] / a.weights()[i];
          counts[a.slots()[i]]++;
        }
      }
    }
    double[][] out = new double[audits.size()][slots.size()];
    for (int k = 0; k < audits.size(); k++) {
      AuditSums a = audits.get(k);
      for (int i = 0; i < a.slots().length; i++) {
        int s = a.slots()[i];
        if (a.weights()[i] > 0) {
          out[k][s] = (double) a.weighted()[i] / a.weights()[i] - sums[s] / counts[s];
        }
      }
    }
    return out;
  }

  /** The channel's deviations, per audit and slot; null when the channel has no pool. */
  double[][] of(Channel channel) {
    return deviations.get(channel);
  }

  /** How many audits the channel's pool holds (0: none). */
  public int size(Channel channel) {
    double[][] pool = of(channel);
    return pool == null ? 0 : pool.length;
  }
}
