package fr.barometer.common.evolution;

import fr.barometer.common.config.GridItem;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.Measure;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What an edition's scores were computed with: its grid and its channel weights.
 *
 * @param edition the edition
 * @param items the grid's items
 * @param channelWeights the weight of each channel in the barometer score
 */
public record EditionGrid(int edition, List<GridItem> items, Map<Channel, Double> channelWeights) {
  public EditionGrid {
    items = List.copyOf(items);
    channelWeights = Map.copyOf(channelWeights);
  }

  /** Every measure the grid gives a value for: the barometer score, channels, steps, criteria. */
  public TreeSet<Measure> measures() {
    TreeSet<Measure> measures = new TreeSet<>();
    measures.add(Measure.OVERALL);
    for (GridItem item : items) {
      measures.add(Measure.channel(item.channel()));
      measures.add(Measure.step(item.step()));
      measures.add(Measure.criterion(item.criterion()));
    }
    return measures;
  }

  /** The items a measure's score is computed on; the barometer score's are the remote channels'. */
  public List<GridItem> itemsOf(Measure measure) {
    return items.stream().filter(belongsTo(measure)).toList();
  }

  private static Predicate<GridItem> belongsTo(Measure measure) {
    return switch (measure.kind()) {
      case OVERALL -> item -> item.channel().isRemote();
      case CHANNEL -> item -> item.channel().name().equals(measure.code());
      case STEP -> item -> item.step().name().equals(measure.code());
      case CRITERION -> item -> item.criterion().equals(measure.code());
    };
  }
}
