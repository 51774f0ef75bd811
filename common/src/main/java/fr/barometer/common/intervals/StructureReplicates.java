package fr.barometer.common.intervals;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.score.ScoreFigures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bootstrap of one structure: B replicates of its main site's audits, and in each every score
 * the score step publishes recomputed from the audits' sums: each channel, step and criterion score
 * is 100 x sum(weight x points) / sum(weight) over applicable answers, the barometer score the mean
 * of the remote channels' scores weighted by channel_weights over the channels that have one, in
 * the same fixed-point arithmetic. Without draws (every audit once) it gives the published scores
 * exactly.
 *
 * <p>Each channel is a stratum. With at least {@link #OWN_SPREAD} audits, a replicate draws that
 * many of them with replacement ({@link Draws} says which) and moves the channel's published score
 * on each measure by the draw's deviation from it times sqrt(n / (n - 1)) (the rescaled bootstrap:
 * plain resampling of n audits spreads by only (n - 1) / n of the variance). With fewer, each audit
 * is moved by the deviation of an audit drawn from the edition's audits of that channel ({@link
 * Pools}); with no pool, it stays as it is. docs/decisions.md says why.
 *
 * <p>One object serves the structures of a task in turn: the arrays it returns are overwritten by
 * the next {@link #compute}.
 */
public final class StructureReplicates {
  private static final Channel[] CHANNELS = Channel.values();

  /**
   * The fewest audits of a channel whose own spread a replicate resamples; below, the spread comes
   * from the edition's audits of the channel ({@link Pools}): one audit has none, and two show it
   * too unevenly (one degree of freedom) for a 95% interval.
   */
  public static final int OWN_SPREAD = 3;

  /**
   * Per number of audits up to 4, the set of audits each ordered draw picks ({@link #drawSets}): 4
   * audits have 35 such sets for 256 ordered draws, 5 have 126 for 3,125, which a thousand
   * replicates would not repeat enough to pay.
   */
  private static final int[][] DRAW_SETS = drawSets(4);

  /** How many sets of audits {@link #DRAW_SETS} numbers, per number of audits. */
  private static final int[] DRAW_SET_COUNTS =
      Arrays.stream(DRAW_SETS)
          .mapToInt(s -> s == null ? 0 : Arrays.stream(s).max().orElse(-1) + 1)
          .toArray();

  private final Slots slots;
  private final int[] remoteSlots = Channel.REMOTE.stream().mapToInt(Slots::channel).toArray();
  private final double[] remoteWeights = new double[remoteSlots.length];
  private final long[] remoteWeightUnits = new long[remoteSlots.length];
  private final int replicates;
  private final int edition;

  private final double[][] values;
  private final double[] overall;
  private final double[] identity;
  private final int[] auditCounts;
  private double identityOverall;
  private final long[] weighted;
  private final long[] weights;
  private final long[] drawnWeighted;
  private final long[] drawnWeights;

  public StructureReplicates(Slots slots, EditionConfig config) {
    this.slots = slots;
    this.replicates = config.bootstrapReplicates();
    this.edition = config.edition();
    for (int i = 0; i < remoteSlots.length; i++) {
      remoteWeights[i] = config.channelWeight(Channel.REMOTE.get(i));
      remoteWeightUnits[i] = ScoreFigures.units(remoteWeights[i]);
    }
    this.values = new double[slots.size()][replicates];
    this.overall = new double[replicates];
    this.identity = new double[slots.size()];
    this.auditCounts = new int[slots.size()];
    this.weighted = new long[slots.size()];
    this.weights = new long[slots.size()];
    this.drawnWeighted = new long[slots.size()];
    this.drawnWeights = new long[slots.size()];
  }

  public int replicates() {
    return replicates;
  }

  public Slots slots() {
    return slots;
  }

  /** Draws the structure's replicates from its main site's audits (any order). */
  public void compute(String structureId, List<AuditSums> audits, Pools pools) {
    List<AuditSums> sorted = new ArrayList<>(audits);
    sorted.sort(Comparator.comparing(AuditSums::auditId));
    Stratum[] strata =
        Arrays.stream(CHANNELS)
            .map(c -> stratum(structureId, c, sorted, pools))
            .filter(java.util.Objects::nonNull)
            .toArray(Stratum[]::new);

    clear();
    sorted.forEach(this::add);
    Arrays.fill(auditCounts, 0);
    for (AuditSums a : sorted) {
      for (int i = 0; i < a.slots().length; i++) {
        if (a.weights()[i] > 0) {
          auditCounts[a.slots()[i]]++;
        }
      }
    }
    for (int s = 0; s < identity.length; s++) {
      identity[s] = ScoreFigures.score(weighted[s], weights[s]);
    }
    identityOverall = barometerScore();

    for (int b = 0; b < replicates; b++) {
      clear();
      for (Stratum stratum : strata) {
        if (stratum.pool != null) {
          // Too few audits to show their own spread: each moved by a deviation from the pool.
          for (int j = 0; j < stratum.own.length; j++) {
            addMoved(stratum, j, stratum.draw(b, j, stratum.pool.size));
          }
        } else {
          addResampled(stratum, b);
        }
      }
      for (int s = 0; s < identity.length; s++) {
        values[s][b] = Double.isNaN(identity[s]) ? Double.NaN : score(s);
      }
      overall[b] = Double.isNaN(identityOverall) ? Double.NaN : barometerScore();
    }
  }

  /**
   * One channel's audits of the structure: what a replicate draws from, and the channel's sums with
   * every audit once, per slot.
   */
  private final class Stratum {
    final AuditSums[] own;
    final Pools.Pool pool;

    /** With a pool, per own audit and slot of it, the slot's place in the pool's deviations. */
    final int[][] poolPlaces;

    final long stream;
    final int[] slotList;
    final long[] identityWeighted = new long[slots.size()];
    final long[] identityWeights = new long[slots.size()];
    final double scale;

    /** {@link #DRAW_SETS} of the stratum's number of audits; null when it has none. */
    final int[] drawSets;

    /**
     * What a replicate adds to each slot of {@link #slotList}, per set of drawn audits (which
     * audits, how many times each: the order of the draws changes no sum), worked out the first
     * time a replicate draws it: with a few audits the same sets recur many times over B
     * replicates. Null without {@link #drawSets}.
     */
    final long[] memoWeighted;

    final long[] memoWeights;
    final boolean[] memoKnown;

    Stratum(AuditSums[] own, Pools.Pool pool, long stream) {
      this.own = own;
      this.pool = pool;
      this.poolPlaces = pool == null ? null : new int[own.length][];
      for (int j = 0; pool != null && j < own.length; j++) {
        int[] at = own[j].slots();
        poolPlaces[j] = new int[at.length];
        for (int i = 0; i < at.length; i++) {
          poolPlaces[j][i] = pool.place[at[i]];
        }
      }
      this.stream = stream;
      java.util.BitSet touched = new java.util.BitSet();
      for (AuditSums a : own) {
        for (int i = 0; i < a.slots().length; i++) {
          touched.set(a.slots()[i]);
          identityWeighted[a.slots()[i]] += a.weighted()[i];
          identityWeights[a.slots()[i]] += a.weights()[i];
        }
      }
      this.slotList = touched.stream().toArray();
      int n = own.length;
      this.scale = n > 1 ? Math.sqrt((double) n / (n - 1)) : 1;
      this.drawSets = pool == null && n < DRAW_SETS.length ? DRAW_SETS[n] : null;
      int sets = drawSets == null ? 0 : DRAW_SET_COUNTS[n];
      this.memoWeighted = sets > 0 ? new long[sets * slotList.length] : null;
      this.memoWeights = sets > 0 ? new long[sets * slotList.length] : null;
      this.memoKnown = sets > 0 ? new boolean[sets] : null;
    }

    int draw(int replicate, int draw, int n) {
      return Draws.position(stream, replicate, draw, n);
    }
  }

  private Stratum stratum(String structureId, Channel c, List<AuditSums> sorted, Pools pools) {
    AuditSums[] own = sorted.stream().filter(a -> a.channel() == c).toArray(AuditSums[]::new);
    if (own.length == 0) {
      return null;
    }
    return new Stratum(
        own,
        own.length < OWN_SPREAD ? pools.of(c) : null,
        Draws.stream(edition, structureId, c.name()));
  }

  /**
   * Draws the stratum's audits with replacement, as many as it has, and adds, per slot, its
   * published score moved by the replicate's deviation from it times sqrt(n / (n - 1)), weighted by
   * the channel's published sum of weights: the rescaled bootstrap, whose variance over the
   * replicates is the usual estimate s^2 / n where plain resampling gives (n - 1) / n of it. A slot
   * the drawn audits have nothing applicable on gets nothing from the stratum, as in plain
   * resampling.
   */
  private void addResampled(Stratum stratum, int replicate) {
    int n = stratum.own.length;
    int k = stratum.slotList.length;
    if (stratum.memoKnown == null) {
      drawAndMove(stratum, replicate, 0, null, null);
      return;
    }
    int ordered = 0;
    for (int j = n - 1; j >= 0; j--) {
      ordered = ordered * n + stratum.draw(replicate, j, n);
    }
    int draw = stratum.drawSets[ordered];
    int at = draw * k;
    if (!stratum.memoKnown[draw]) {
      drawAndMove(stratum, replicate, at, stratum.memoWeighted, stratum.memoWeights);
      stratum.memoKnown[draw] = true;
      return;
    }
    for (int i = 0; i < k; i++) {
      int s = stratum.slotList[i];
      weighted[s] += stratum.memoWeighted[at + i];
      weights[s] += stratum.memoWeights[at + i];
    }
  }

  /**
   * The replicate's draws from the stratum and what they add per slot; also written to {@code
   * memoWeighted} and {@code memoWeights} from {@code at} when given.
   */
  private void drawAndMove(
      Stratum stratum, int replicate, int at, long[] memoWeighted, long[] memoWeights) {
    for (int s : stratum.slotList) {
      drawnWeighted[s] = 0;
      drawnWeights[s] = 0;
    }
    int n = stratum.own.length;
    for (int j = 0; j < n; j++) {
      AuditSums a = stratum.own[stratum.draw(replicate, j, n)];
      int[] slotsOfAudit = a.slots();
      for (int i = 0; i < slotsOfAudit.length; i++) {
        drawnWeighted[slotsOfAudit[i]] += a.weighted()[i];
        drawnWeights[slotsOfAudit[i]] += a.weights()[i];
      }
    }
    for (int i = 0; i < stratum.slotList.length; i++) {
      int s = stratum.slotList[i];
      long published = stratum.identityWeights[s];
      long addWeighted = 0;
      long addWeights = 0;
      if (drawnWeights[s] > 0 && published > 0) {
        double identityRatio = (double) stratum.identityWeighted[s] / published;
        double drawnRatio = (double) drawnWeighted[s] / drawnWeights[s];
        double moved = identityRatio + stratum.scale * (drawnRatio - identityRatio);
        addWeighted = Math.round(moved * published);
        addWeights = published;
      }
      weighted[s] += addWeighted;
      weights[s] += addWeights;
      if (memoWeighted != null) {
        memoWeighted[at + i] = addWeighted;
        memoWeights[at + i] = addWeights;
      }
    }
  }

  /**
   * The set of audits each ordered draw of n among n picks, numbered from 0: for n audits, entry
   * sum p_j x n^j (draw j picking audit p_j) gives the number of the multiset {p_0 ... p_{n-1}}.
   * Kept for up to 4 audits (256 ordered draws, 35 sets).
   */
  private static int[][] drawSets(int most) {
    int[][] all = new int[most + 1][];
    for (int n = 1; n <= most; n++) {
      int ordered = (int) Math.pow(n, n);
      int[] sets = new int[ordered];
      Map<String, Integer> numbers = new HashMap<>();
      for (int t = 0; t < ordered; t++) {
        int[] counts = new int[n];
        for (int j = 0, rest = t; j < n; j++, rest /= n) {
          counts[rest % n]++;
        }
        sets[t] = numbers.computeIfAbsent(Arrays.toString(counts), key -> numbers.size());
      }
      all[n] = sets;
    }
    return all;
  }

  private double score(int slot) {
    return ScoreFigures.score(weighted[slot], weights[slot]);
  }

  /**
   * Adds own audit {@code j}'s sums with its score on each slot moved by the deviation of pool
   * audit {@code row} (fractions of 1): sum(weight x points) + deviation x sum(weight), rounded to
   * the unit; sum(weight) unchanged.
   */
  private void addMoved(Stratum stratum, int j, int row) {
    AuditSums audit = stratum.own[j];
    int[] places = stratum.poolPlaces[j];
    double[] deviations = stratum.pool.deviations;
    int base = row * stratum.pool.width;
    int[] at = audit.slots();
    long[] w = audit.weighted();
    long[] ws = audit.weights();
    for (int i = 0; i < at.length; i++) {
      double deviation = places[i] < 0 ? 0 : deviations[base + places[i]];
      weighted[at[i]] += w[i] + Math.round(deviation * ws[i]);
      weights[at[i]] += ws[i];
    }
  }

  private void clear() {
    Arrays.fill(weighted, 0L);
    Arrays.fill(weights, 0L);
  }

  private void add(AuditSums audit) {
    int[] at = audit.slots();
    long[] w = audit.weighted();
    long[] ws = audit.weights();
    for (int i = 0; i < at.length; i++) {
      weighted[at[i]] += w[i];
      weights[at[i]] += ws[i];
    }
  }

  /**
   * The remote channels' scores, weighted by channel_weights, over those with a score, in the
   * fixed-point arithmetic of {@link ScoreFigures#weightedMean}; NaN when none has one.
   */
  private double barometerScore() {
    long sum = 0;
    long sumOfWeights = 0;
    for (int i = 0; i < remoteSlots.length; i++) {
      int s = remoteSlots[i];
      if (weights[s] > 0) {
        sum += ScoreFigures.units(score(s) * remoteWeights[i]);
        sumOfWeights += remoteWeightUnits[i];
      }
    }
    return sumOfWeights > 0 ? (double) sum / (double) sumOfWeights : Double.NaN;
  }

  /** The published value of the slot's measure (every audit once); NaN when it has none. */
  public double identity(int slot) {
    return identity[slot];
  }

  /** How many of the main site's audits have an applicable answer counted in the slot. */
  public int audits(int slot) {
    return auditCounts[slot];
  }

  /** The published barometer score; NaN when it has none. */
  public double identityOverall() {
    return identityOverall;
  }

  /** The slot's value in each replicate (NaN: none), for a slot with a published value. */
  public double[] values(int slot) {
    return values[slot];
  }

  /** The barometer score in each replicate (NaN: none). */
  public double[] overall() {
    return overall;
  }
}
