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

  private static final int MOST_SETS = Arrays.stream(DRAW_SET_COUNTS).max().orElse(0);

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

  /** Per stratum slot (the order of its slotList), what one replicate's draws add to it. */
  private final long[] moveWeighted;

  private final long[] moveWeights;

  /** The sums of slot s in replicate b, at s x B + b. */
  private final long[] replicateWeighted;

  private final long[] replicateWeights;

  /**
   * Per replicate, what a stratum's draws pick: the set of audits ({@link #DRAW_SETS}), or where a
   * pool audit's deviations start.
   */
  private final int[] drawn;

  /** Per stratum of the structure ({@link Stratum#index}), the set each replicate drew. */
  private final int[][] setDraws;

  /** The current structure's strata. */
  private Stratum[] strata = new Stratum[0];

  /**
   * Per slot, the index of the only stratum adding to it, {@link #NO_STRATUM} or {@link
   * #SEVERAL_STRATA}; and its place in that stratum's slotList.
   */
  private final int[] slotStratum;

  private final int[] slotInStratum;

  private static final int NO_STRATUM = -1;
  private static final int SEVERAL_STRATA = -2;

  /** Scratch of {@link #setValues} and {@link #interval}, one entry per set of audits. */
  private final double[] setValues = new double[MOST_SETS];

  private final double[] distinctValues = new double[MOST_SETS];
  private final int[] distinctCounts = new int[MOST_SETS];

  /** Per deviation number of a pool's place, an audit's sum moved by it ({@link #addMoved}). */
  private final long[] moved = new long[Pools.Pool.CODES];

  /** Per replicate, the barometer score's fixed-point sums over the remote channels. */
  private final long[] overallSums;

  private final long[] overallWeights;

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
    this.moveWeighted = new long[slots.size()];
    this.moveWeights = new long[slots.size()];
    this.replicateWeighted = new long[slots.size() * replicates];
    this.replicateWeights = new long[slots.size() * replicates];
    this.drawn = new int[replicates];
    this.setDraws = new int[CHANNELS.length][replicates];
    this.slotStratum = new int[slots.size()];
    this.slotInStratum = new int[slots.size()];
    this.overallSums = new long[replicates];
    this.overallWeights = new long[replicates];
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
    strata =
        Arrays.stream(CHANNELS)
            .map(c -> stratum(structureId, c, sorted, pools))
            .filter(java.util.Objects::nonNull)
            .toArray(Stratum[]::new);
    Arrays.fill(slotStratum, NO_STRATUM);
    for (int k = 0; k < strata.length; k++) {
      strata[k].index = k;
      int[] list = strata[k].slotList;
      for (int i = 0; i < list.length; i++) {
        slotStratum[list[i]] = slotStratum[list[i]] == NO_STRATUM ? k : SEVERAL_STRATA;
        slotInStratum[list[i]] = i;
      }
    }

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

    // Stratum by stratum, every replicate at once: the sums of slot s in replicate b are at
    // s x B + b, so each loop below runs over the replicates with nothing else changing.
    // Only the slots a stratum adds to, and the remote channels the barometer score reads, are
    // read below: the others keep an earlier structure's sums. A slot whose values are scored per
    // set of audits (rememberedOnly) needs no replicate sums at all.
    for (Stratum stratum : strata) {
      for (int s : stratum.slotList) {
        if (rememberedOnly(s) == null) {
          clearReplicates(s);
        }
      }
    }
    for (int s : remoteSlots) {
      if (rememberedOnly(s) == null) {
        clearReplicates(s);
      }
    }
    for (Stratum stratum : strata) {
      if (stratum.pool != null) {
        // Too few audits to show their own spread: each moved by a deviation from the pool.
        for (int j = 0; j < stratum.own.length; j++) {
          addMoved(stratum, j);
        }
      } else if (stratum.memoKnown != null) {
        addRemembered(stratum);
      } else {
        for (int b = 0; b < replicates; b++) {
          addResampled(stratum, b);
        }
      }
    }
    for (int s = 0; s < identity.length; s++) {
      if (Double.isNaN(identity[s])) {
        continue;
      }
      double[] slotValues = values[s];
      Stratum only = rememberedOnly(s);
      if (only != null) {
        // Its sums in replicate b are those of the set drawn in b: one score per set.
        double[] bySet = setValues(only, slotInStratum[s]);
        int[] picks = setDraws[only.index];
        for (int b = 0; b < replicates; b++) {
          slotValues[b] = bySet[picks[b]];
        }
      } else {
        for (int b = 0, at = s * replicates; b < replicates; b++, at++) {
          slotValues[b] = ScoreFigures.score(replicateWeighted[at], replicateWeights[at]);
        }
      }
    }
    replicateBarometerScores();
  }

  /**
   * The stratum a slot's replicate sums come from when only one adds to it and its replicates are
   * {@link #addRemembered remembered} sets of audits; null otherwise.
   */
  private Stratum rememberedOnly(int slot) {
    int k = slotStratum[slot];
    return k >= 0 && strata[k].memoKnown != null ? strata[k] : null;
  }

  /** The score of slot {@code i} of the stratum's slotList for each set drawn (NaN: none). */
  private double[] setValues(Stratum stratum, int i) {
    int sets = stratum.sets;
    for (int d = 0; d < sets; d++) {
      setValues[d] =
          stratum.memoKnown[d]
              ? ScoreFigures.score(
                  stratum.memoWeighted[i * sets + d], stratum.memoWeights[i * sets + d])
              : Double.NaN;
    }
    return setValues;
  }

  /**
   * The 95% interval of the slot's values over the replicates ({@link Interval#of} of {@link
   * #values}); null when none has a value. A slot whose values are the scores of a few sets of
   * audits is worked out from how many replicates drew each set, without reading the replicates.
   * {@code scratch} holds B values and is overwritten.
   */
  public Interval interval(int slot, double[] scratch) {
    Stratum only = rememberedOnly(slot);
    if (only == null) {
      return Interval.of(values[slot], scratch);
    }
    double[] bySet = setValues(only, slotInStratum[slot]);
    int n = 0;
    int m = 0;
    for (int d = 0; d < only.sets; d++) {
      if (only.setCounts[d] > 0 && !Double.isNaN(bySet[d])) {
        distinctValues[n] = bySet[d];
        distinctCounts[n++] = only.setCounts[d];
        m += only.setCounts[d];
      }
    }
    if (m == 0) {
      return null;
    }
    double[] bounds = Percentiles.intervalOfCounts(distinctValues, distinctCounts, n);
    return new Interval(bounds[0], bounds[1], m);
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

    /** How many sets {@link #drawSets} numbers. */
    final int sets;

    /** With {@link #drawSets}, how many replicates drew each set. */
    final int[] setCounts;

    /** The stratum's place among the structure's. */
    int index;

    /**
     * What a replicate adds to slot i of {@link #slotList} when it draws set d (which audits, how
     * many times each: the order of the draws changes no sum), at i x sets + d, worked out the
     * first time a replicate draws it: with a few audits the same sets recur many times over B
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
      this.sets = drawSets == null ? 0 : DRAW_SET_COUNTS[n];
      this.memoWeighted = sets > 0 ? new long[sets * slotList.length] : null;
      this.memoWeights = sets > 0 ? new long[sets * slotList.length] : null;
      this.memoKnown = sets > 0 ? new boolean[sets] : null;
      this.setCounts = sets > 0 ? new int[sets] : null;
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
    drawAndMove(stratum, replicate);
    for (int i = 0; i < stratum.slotList.length; i++) {
      int at = stratum.slotList[i] * replicates + replicate;
      replicateWeighted[at] += moveWeighted[i];
      replicateWeights[at] += moveWeights[i];
    }
  }

  /**
   * {@link #addResampled} of every replicate of a stratum with {@link Stratum#drawSets}: each
   * replicate's set of drawn audits first, then what each set adds, worked out once per set.
   */
  private void addRemembered(Stratum stratum) {
    int n = stratum.own.length;
    int[] numbering = stratum.drawSets;
    int[] picks = setDraws[stratum.index];
    for (int b = 0; b < replicates; b++) {
      int ordered = 0;
      for (int j = n - 1; j >= 0; j--) {
        ordered = ordered * n + stratum.draw(b, j, n);
      }
      picks[b] = numbering[ordered];
      stratum.setCounts[picks[b]]++;
    }
    int sets = stratum.sets;
    for (int b = 0; b < replicates; b++) {
      int draw = picks[b];
      if (!stratum.memoKnown[draw]) {
        drawAndMove(stratum, b);
        for (int i = 0; i < stratum.slotList.length; i++) {
          stratum.memoWeighted[i * sets + draw] = moveWeighted[i];
          stratum.memoWeights[i * sets + draw] = moveWeights[i];
        }
        stratum.memoKnown[draw] = true;
      }
    }
    for (int i = 0; i < stratum.slotList.length; i++) {
      if (rememberedOnly(stratum.slotList[i]) == stratum) {
        continue; // scored per set: its replicate sums are never read
      }
      int base = stratum.slotList[i] * replicates;
      int memo = i * sets;
      for (int b = 0; b < replicates; b++) {
        replicateWeighted[base + b] += stratum.memoWeighted[memo + picks[b]];
        replicateWeights[base + b] += stratum.memoWeights[memo + picks[b]];
      }
    }
  }

  /**
   * What the replicate's draws from the stratum add to each slot of its slotList, in {@link
   * #moveWeighted} and {@link #moveWeights}.
   */
  private void drawAndMove(Stratum stratum, int replicate) {
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
      moveWeighted[i] = addWeighted;
      moveWeights[i] = addWeights;
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
   * Adds own audit {@code j}'s sums in every replicate, with its score on each slot moved by the
   * deviation of the pool audit the replicate draws (fractions of 1): sum(weight x points) +
   * deviation x sum(weight), rounded to the unit; sum(weight) unchanged.
   */
  private void addMoved(Stratum stratum, int j) {
    AuditSums audit = stratum.own[j];
    int[] places = stratum.poolPlaces[j];
    Pools.Pool pool = stratum.pool;
    for (int b = 0; b < replicates; b++) {
      drawn[b] = stratum.draw(b, j, pool.size) * pool.width;
    }
    int[] at = audit.slots();
    for (int i = 0; i < at.length; i++) {
      int base = at[i] * replicates;
      long w = audit.weighted()[i];
      long ws = audit.weights()[i];
      int place = places[i];
      if (place < 0) {
        // No pool audit deviates on the slot: the audit's sums in every replicate.
        for (int b = 0; b < replicates; b++) {
          replicateWeighted[base + b] += w;
          replicateWeights[base + b] += ws;
        }
      } else if (pool.movedByCode(place, w, ws, moved)) {
        for (int b = 0; b < replicates; b++) {
          replicateWeighted[base + b] += moved[pool.code(drawn[b], place)];
          replicateWeights[base + b] += ws;
        }
      } else {
        for (int b = 0; b < replicates; b++) {
          replicateWeighted[base + b] += w + Math.round(pool.deviation(drawn[b], place) * ws);
          replicateWeights[base + b] += ws;
        }
      }
    }
  }

  private void clearReplicates(int slot) {
    Arrays.fill(replicateWeighted, slot * replicates, (slot + 1) * replicates, 0L);
    Arrays.fill(replicateWeights, slot * replicates, (slot + 1) * replicates, 0L);
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

  /**
   * {@link #barometerScore()} in every replicate, from the remote channels' replicate scores (a
   * channel has a score where its sum of weights is positive, as there).
   */
  private void replicateBarometerScores() {
    if (Double.isNaN(identityOverall)) {
      Arrays.fill(overall, Double.NaN);
      return;
    }
    Arrays.fill(overallSums, 0L);
    Arrays.fill(overallWeights, 0L);
    for (int i = 0; i < remoteSlots.length; i++) {
      if (Double.isNaN(identity[remoteSlots[i]])) {
        continue;
      }
      double[] channel = values[remoteSlots[i]];
      double weight = remoteWeights[i];
      long weightUnits = remoteWeightUnits[i];
      for (int b = 0; b < replicates; b++) {
        if (!Double.isNaN(channel[b])) {
          overallSums[b] += ScoreFigures.units(channel[b] * weight);
          overallWeights[b] += weightUnits;
        }
      }
    }
    for (int b = 0; b < replicates; b++) {
      overall[b] =
          overallWeights[b] > 0 ? (double) overallSums[b] / (double) overallWeights[b] : Double.NaN;
    }
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
