package fr.barometer.common.evolution;

import fr.barometer.common.config.GridItem;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.EvolutionBasis;
import fr.barometer.common.domain.Measure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How each measure of an edition compares with an earlier edition's, from their grids alone.
 *
 * <ul>
 *   <li>An item is shared when both grids have its id with the same channel, type, unit and
 *       thresholds, and it belongs to the measure in both (same criterion for a criterion, same
 *       step for a step). A shared item's points mean the same thing in both editions.
 *   <li>{@code SAME_GRID}: the measure's items are all shared, none is added or dropped, and their
 *       weights are equal; for the barometer score, the remote channels' weights too.
 *   <li>{@code COMMON_ITEMS}: otherwise, when at least one item is shared. Both values are then
 *       recomputed on the shared items with one set of weights, the later edition's (items and
 *       channels), so that only the answers differ between the two values.
 *   <li>{@code NOT_COMPARABLE}: no item is shared, which includes a measure only one of the two
 *       grids has (a criterion dropped or added).
 * </ul>
 */
public final class GridComparison {
  /** Weights equal to this many decimals are equal, as scores are (see Ties). */
  private static final int WEIGHT_DECIMALS = 9;

  private GridComparison() {}

  /** An item both grids share, with the weights both values are recomputed with. */
  public record CommonItem(String itemId, Channel channel, double weight, double channelWeight) {}

  /** Which of the two grids has a measure. */
  public enum Presence {
    BOTH,
    /** New in the later edition's grid. */
    CURRENT_ONLY,
    /** Gone from the later edition's grid. */
    PREVIOUS_ONLY
  }

  /**
   * One measure's basis, the items shared when it is COMMON_ITEMS (else empty), and which grids
   * have it (a measure of one grid only shares no item: NOT_COMPARABLE).
   */
  public record MeasureComparison(
      Measure measure, EvolutionBasis basis, List<CommonItem> commonItems, Presence presence) {
    public MeasureComparison {
      commonItems = List.copyOf(commonItems);
    }
  }

  /** The comparison of every measure of either grid, in reading order. */
  public static List<MeasureComparison> compare(EditionGrid current, EditionGrid previous) {
    TreeSet<Measure> measures = new TreeSet<>(current.measures());
    measures.addAll(previous.measures());
    List<MeasureComparison> comparisons = new ArrayList<>();
    for (Measure measure : measures) {
      boolean now = current.measures().contains(measure);
      boolean before = previous.measures().contains(measure);
      comparisons.add(
          now && before
              ? compare(measure, current, previous)
              : new MeasureComparison(
                  measure,
                  EvolutionBasis.NOT_COMPARABLE,
                  List.of(),
                  now ? Presence.CURRENT_ONLY : Presence.PREVIOUS_ONLY));
    }
    return comparisons;
  }

  static MeasureComparison compare(Measure measure, EditionGrid current, EditionGrid previous) {
    Map<String, GridItem> before = byId(previous.itemsOf(measure));
    List<GridItem> now = current.itemsOf(measure);
    List<CommonItem> common =
        now.stream()
            .filter(item -> sameDefinition(item, before.get(item.id())))
            .map(item -> commonItem(item, current))
            .toList();
    if (common.isEmpty()) {
      return new MeasureComparison(
          measure, EvolutionBasis.NOT_COMPARABLE, List.of(), Presence.BOTH);
    }
    boolean sameGrid =
        common.size() == now.size()
            && common.size() == before.size()
            && now.stream()
                .allMatch(item -> sameNumber(item.weight(), before.get(item.id()).weight()))
            && (measure.kind() != Measure.Kind.OVERALL || sameChannelWeights(current, previous));
    return sameGrid
        ? new MeasureComparison(measure, EvolutionBasis.SAME_GRID, List.of(), Presence.BOTH)
        : new MeasureComparison(measure, EvolutionBasis.COMMON_ITEMS, common, Presence.BOTH);
  }

  private static CommonItem commonItem(GridItem item, EditionGrid current) {
    return new CommonItem(
        item.id(),
        item.channel(),
        item.weight(),
        current.channelWeights().getOrDefault(item.channel(), 0.0));
  }

  /** Same id, channel, type, unit and thresholds: the item's points are computed the same way. */
  private static boolean sameDefinition(GridItem item, GridItem earlier) {
    return earlier != null
        && item.channel() == earlier.channel()
        && item.type() == earlier.type()
        && item.unit() == earlier.unit()
        && sameNumber(item.fullAt(), earlier.fullAt())
        && sameNumber(item.zeroAfter(), earlier.zeroAfter());
  }

  private static boolean sameChannelWeights(EditionGrid current, EditionGrid previous) {
    return current.itemsOf(Measure.OVERALL).stream()
        .map(GridItem::channel)
        .distinct()
        .allMatch(
            c -> sameNumber(current.channelWeights().get(c), previous.channelWeights().get(c)));
  }

  private static boolean sameNumber(Double a, Double b) {
    return a == null || b == null ? Objects.equals(a, b) : rounded(a).equals(rounded(b));
  }

  private static BigDecimal rounded(double value) {
    return BigDecimal.valueOf(value).setScale(WEIGHT_DECIMALS, RoundingMode.HALF_UP);
  }

  private static Map<String, GridItem> byId(List<GridItem> items) {
    return items.stream().collect(Collectors.toMap(GridItem::id, Function.identity()));
  }
}
