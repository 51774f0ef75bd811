package fr.barometer.common.intervals;

import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.Step;
import java.io.Serializable;
import java.util.Arrays;

/**
 * One audit's part in the scores it counts in: for its channel, and for each journey step and
 * criterion its answers belong to, sum(weight x points) and sum(weight) over its applicable
 * answers, exact in units of 10^-12 as the score step sums them ({@link
 * fr.barometer.common.score.ScoreFigures}). A score over several audits is the ratio of their sums
 * added up, so a replicate adds the sums of the audits it draws.
 *
 * @param auditId the audit
 * @param channel its channel
 * @param slots the {@link Slots} it adds to, its channel's first
 * @param weighted sum(weight x points) per slot
 * @param weights sum(weight) per slot (0: nothing applicable there)
 */
public record AuditSums(
    String auditId, Channel channel, int[] slots, long[] weighted, long[] weights)
    implements Serializable {

  /** Builds an audit's sums from its rows of (step, criterion) sums. */
  public static final class Builder {
    private final Slots slots;
    private final String auditId;
    private final Channel channel;
    private int[] slotIds = new int[8];
    private long[] weighted = new long[8];
    private long[] weights = new long[8];
    private int size;

    public Builder(Slots slots, String auditId, Channel channel) {
      this.slots = slots;
      this.auditId = auditId;
      this.channel = channel;
      add(Slots.channel(channel), 0, 0);
    }

    /** Adds the sums of the audit's answers of one step and one criterion. */
    public Builder add(Step step, String criterion, long weightedSum, long weightSum) {
      return add(step, slots.criterion(criterion), weightedSum, weightSum);
    }

    /**
     * Adds the sums of the audit's answers of one step and one criterion, given by its slot ({@link
     * Slots#criterion}; -1: a code the grid does not have).
     */
    public Builder add(Step step, int criterionSlot, long weightedSum, long weightSum) {
      add(Slots.channel(channel), weightedSum, weightSum);
      add(Slots.step(step), weightedSum, weightSum);
      if (criterionSlot >= 0) {
        add(criterionSlot, weightedSum, weightSum);
      }
      return this;
    }

    private void add(int slot, long weightedSum, long weightSum) {
      for (int i = 0; i < size; i++) {
        if (slotIds[i] == slot) {
          weighted[i] += weightedSum;
          weights[i] += weightSum;
          return;
        }
      }
      if (size == slotIds.length) {
        slotIds = Arrays.copyOf(slotIds, size * 2);
        weighted = Arrays.copyOf(weighted, size * 2);
        weights = Arrays.copyOf(weights, size * 2);
      }
      slotIds[size] = slot;
      weighted[size] = weightedSum;
      weights[size] = weightSum;
      size++;
    }

    public AuditSums build() {
      return new AuditSums(
          auditId,
          channel,
          Arrays.copyOf(slotIds, size),
          Arrays.copyOf(weighted, size),
          Arrays.copyOf(weights, size));
    }
  }
}
