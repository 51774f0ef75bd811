package fr.barometer.common.intervals;

import fr.barometer.common.domain.Channel;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
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

  private final Map<Channel, Pool> pools = new EnumMap<>(Channel.class);

  /**
   * The pools of these channels, each from its audits in a fixed order (by structure, then audit
   * id): draws pick them by position.
   */
  public Pools(Slots slots, Map<Channel, List<AuditSums>> byChannel) {
    byChannel.forEach(
        (channel, audits) -> {
          if (!audits.isEmpty()) {
            pools.put(channel, Pool.of(slots, audits));
          }
        });
  }

  /** No pool: a one-audit channel keeps its one audit in every replicate. */
  public static Pools none() {
    return new Pools(Slots.ofCriteria(List.of()), Map.of());
  }

  /** The channel's pool; null when it has none. */
  Pool of(Channel channel) {
    return pools.get(channel);
  }

  /** How many audits the channel's pool holds (0: none). */
  public int size(Channel channel) {
    Pool pool = of(channel);
    return pool == null ? 0 : pool.size;
  }

  /**
   * One channel's audits, each as its deviation from the channel's usual score on the slots where
   * some audit of the pool has an applicable answer (0 on the others), audit after audit in one
   * array: a replicate reads one audit's deviations at a random position. Tens of thousands of
   * audits of a national edition stay small enough for the processor's caches when each deviation
   * is kept as a one-byte number in its slot's table of the deviations met: an audit's score on a
   * slot is a ratio of a few weights, so a slot rarely has more than a few dozen. A pool whose slot
   * has more than 256 keeps the deviations themselves. Either way a replicate reads the same
   * doubles.
   */
  static final class Pool implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The most deviations a slot's table numbers in one byte. */
    static final int CODES = 256;

    /** How many audits. */
    final int size;

    /** How many deviations per audit. */
    final int width;

    /** Per slot of {@link Slots}, its place among an audit's deviations; -1: always 0. */
    final int[] place;

    /** Audit k's deviation on the slot at place p: {@code deviations[k x width + p]}; or null. */
    private final double[] deviations;

    /** Or its number in the table of place p: {@code codes[k x width + p]}, unsigned. */
    private final byte[] codes;

    /** Per place, the deviations its codes number. */
    private final double[][] tables;

    private Pool(int size, int[] place, int width, double[] deviations) {
      this.size = size;
      this.place = place;
      this.width = width;
      byte[] numbers = new byte[deviations.length];
      this.tables = number(deviations, width, numbers);
      this.codes = tables == null ? null : numbers;
      this.deviations = tables == null ? deviations : null;
    }

    /** The deviation at place {@code place} of the audit whose deviations start at {@code at}. */
    double deviation(int at, int place) {
      return codes != null ? tables[place][codes[at + place] & 0xFF] : deviations[at + place];
    }

    /**
     * Sums {@code weighted} moved by each deviation the place's table numbers, {@code weighted +
     * round(deviation x weights)}, into {@code moved} at the deviation's number (room for {@link
     * #CODES}); false, and nothing written, when the deviations are not numbered. A replicate then
     * reads its audit's sum at {@link #code} instead of working it out.
     */
    boolean movedByCode(int place, long weighted, long weights, long[] moved) {
      if (codes == null) {
        return false;
      }
      double[] table = tables[place];
      for (int c = 0; c < table.length; c++) {
        moved[c] = weighted + Math.round(table[c] * weights);
      }
      return true;
    }

    /** The number of the deviation at {@code place} of the audit starting at {@code at}. */
    int code(int at, int place) {
      return codes[at + place] & 0xFF;
    }

    /** Whether the deviations are kept as numbers in tables (tests). */
    boolean coded() {
      return codes != null;
    }

    /**
     * Numbers each place's deviations in the order they are met, writing each one's number to
     * {@code codes}; returns each place's table of the deviations numbered, or null when a place
     * has more than {@link #CODES}.
     */
    private static double[][] number(double[] deviations, int width, byte[] codes) {
      double[][] tables = new double[width][];
      for (int p = 0; p < width; p++) {
        Map<Long, Integer> numbers = new HashMap<>();
        double[] table = new double[CODES];
        for (int at = p; at < deviations.length; at += width) {
          double deviation = deviations[at];
          Integer known = numbers.get(Double.doubleToRawLongBits(deviation));
          if (known == null) {
            if (numbers.size() == CODES) {
              return null;
            }
            known = numbers.size();
            numbers.put(Double.doubleToRawLongBits(deviation), known);
            table[known] = deviation;
          }
          codes[at] = (byte) (int) known;
        }
        tables[p] = Arrays.copyOf(table, numbers.size());
      }
      return tables;
    }

    /**
     * Each audit's score minus the mean of the pool's audits' scores, per slot, as fractions of 1;
     * 0 where the audit has nothing applicable. The mean is of the audits' scores, not their pooled
     * ratio: deviations then average to 0, so moving an audit by a drawn deviation leaves its score
     * where it was on average (audits with fewer applicable answers, often the unanswered ones,
     * would otherwise pull every replicate down).
     */
    static Pool of(Slots slots, List<AuditSums> audits) {
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
      int[] place = new int[slots.size()];
      int width = 0;
      for (int s = 0; s < place.length; s++) {
        place[s] = counts[s] > 0 ? width++ : -1;
      }
      double[] deviations = new double[audits.size() * width];
      for (int k = 0; k < audits.size(); k++) {
        AuditSums a = audits.get(k);
        for (int i = 0; i < a.slots().length; i++) {
          int s = a.slots()[i];
          if (a.weights()[i] > 0) {
            deviations[k * width + place[s]] =
                (double) a.weighted()[i] / a.weights()[i] - sums[s] / counts[s];
          }
        }
      }
      return new Pool(audits.size(), place, width, deviations);
    }
  }
}
