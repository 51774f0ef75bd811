package fr.barometer.common.config;

import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.DelayUnit;
import fr.barometer.common.domain.ItemType;
import fr.barometer.common.domain.Step;
import java.io.Serializable;

/**
 * One question of the evaluation grid. {@code unit}, {@code fullAt} and {@code zeroAfter} are set
 * for DELAY items only.
 */
public record GridItem(
    String id,
    Channel channel,
    String criterion,
    Step step,
    String label,
    ItemType type,
    DelayUnit unit,
    Double fullAt,
    Double zeroAfter,
    double weight)
    implements Serializable {

  /** A WORKING_DAYS item is computed from the audit's dates; a value typed for it is ignored. */
  public boolean isComputed() {
    return type == ItemType.DELAY && unit == DelayUnit.WORKING_DAYS;
  }
}
