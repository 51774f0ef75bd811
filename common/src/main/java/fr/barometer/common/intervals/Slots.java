package fr.barometer.common.intervals;

import fr.barometer.common.config.GridItem;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.Measure;
import fr.barometer.common.domain.Step;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The measures a replicate recomputes besides the barometer score, numbered: every channel, then
 * every journey step, then the grid's criteria by code. An audit adds its sums to its channel's
 * slot and to the slots of the steps and criteria of its answers.
 */
public final class Slots implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Each slot's measure, as the tables write it. */
  private final List<String> measures;

  private final Map<String, Integer> criteria = new HashMap<>();

  /** The grid's criterion codes, in the order of their slots (consecutive). */
  private final List<String> criterionCodes;

  private Slots(List<String> criterionCodes) {
    List<String> all = new ArrayList<>();
    for (Channel c : Channel.values()) {
      all.add(Measure.channel(c).text());
    }
    for (Step s : Step.values()) {
      all.add(Measure.step(s).text());
    }
    for (String code : criterionCodes) {
      criteria.put(code, all.size());
      all.add(Measure.criterion(code).text());
    }
    this.measures = List.copyOf(all);
    this.criterionCodes = List.copyOf(criterionCodes);
  }

  /** The slots of an edition's grid. */
  public static Slots of(List<GridItem> grid) {
    TreeSet<String> codes = new TreeSet<>();
    grid.forEach(i -> codes.add(i.criterion()));
    return new Slots(List.copyOf(codes));
  }

  /** Slots for these criterion codes (tests). */
  public static Slots ofCriteria(List<String> codes) {
    return new Slots(List.copyOf(new TreeSet<>(codes)));
  }

  public int size() {
    return measures.size();
  }

  /** The slot's measure, as the tables write it ("CHANNEL:EMAIL"). */
  public String measure(int slot) {
    return measures.get(slot);
  }

  public static int channel(Channel channel) {
    return channel.ordinal();
  }

  public static int step(Step step) {
    return Channel.values().length + step.ordinal();
  }

  /** The grid's criterion codes, in the order of their slots, which follow each other. */
  public List<String> criterionCodes() {
    return criterionCodes;
  }

  /** The criterion's slot; -1 for a code the grid does not have. */
  public int criterion(String code) {
    return criteria.getOrDefault(code, -1);
  }
}
