package fr.barometer.common.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.barometer.common.config.GridItem;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.EvolutionBasis;
import fr.barometer.common.domain.ItemType;
import fr.barometer.common.domain.Measure;
import fr.barometer.common.domain.Step;
import fr.barometer.common.evolution.GridComparison.CommonItem;
import fr.barometer.common.evolution.GridComparison.MeasureComparison;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GridComparisonTest {
  private static final Map<Measure, MeasureComparison> BY_MEASURE =
      GridComparison.compare(Grids.of2017(), Grids.of2016()).stream()
          .collect(Collectors.toMap(MeasureComparison::measure, c -> c));

  private static EvolutionBasis basis(Measure measure) {
    return BY_MEASURE.get(measure).basis();
  }

  private static List<String> common(Measure measure) {
    return BY_MEASURE.get(measure).commonItems().stream().map(CommonItem::itemId).toList();
  }

  @Test
  void identicalItemsAndWeightsAreTheSameGrid() {
    assertEquals(EvolutionBasis.SAME_GRID, basis(Measure.criterion("C01")));
    assertEquals(EvolutionBasis.SAME_GRID, basis(Measure.criterion("C03")));
    assertEquals(EvolutionBasis.SAME_GRID, basis(Measure.channel(Channel.WEB)));
    assertEquals(EvolutionBasis.SAME_GRID, basis(Measure.step(Step.ACCUEIL)));
  }

  @Test
  void aChangedWeightComparesOnTheCommonItemsWithTheLaterWeights() {
    assertEquals(EvolutionBasis.COMMON_ITEMS, basis(Measure.channel(Channel.EMAIL)));
    assertEquals(List.of("E1", "E2"), common(Measure.channel(Channel.EMAIL)));
    assertEquals(2.0, BY_MEASURE.get(Measure.criterion("C02")).commonItems().get(0).weight(), 0.0);
  }

  @Test
  void anItemAddedOrDroppedLeavesTheSharedOnes() {
    assertEquals(EvolutionBasis.COMMON_ITEMS, basis(Measure.channel(Channel.PHONE)));
    assertEquals(List.of("P1"), common(Measure.channel(Channel.PHONE)));
    assertEquals(EvolutionBasis.COMMON_ITEMS, basis(Measure.OVERALL));
    assertEquals(List.of("E1", "E2", "P1", "W1"), common(Measure.OVERALL));
  }

  @Test
  void noSharedItemIsNotComparable() {
    assertEquals(EvolutionBasis.NOT_COMPARABLE, basis(Measure.criterion("C04")));
    assertEquals(List.of(), common(Measure.criterion("C04")));
  }

  @Test
  void theBarometerScoreChangesBasisWhenAChannelWeightChanges() {
    EditionGrid before =
        new EditionGrid(2016, Grids.of2015().items(), Grids.channelWeights(1, 1, 2));
    EditionGrid after =
        new EditionGrid(2017, Grids.of2015().items(), Grids.channelWeights(1, 1, 3));
    Map<Measure, MeasureComparison> byMeasure =
        GridComparison.compare(after, before).stream()
            .collect(Collectors.toMap(MeasureComparison::measure, c -> c));
    assertEquals(EvolutionBasis.COMMON_ITEMS, byMeasure.get(Measure.OVERALL).basis());
    assertEquals(
        3.0,
        byMeasure.get(Measure.OVERALL).commonItems().stream()
            .filter(i -> i.channel() == Channel.WEB)
            .findFirst()
            .orElseThrow()
            .channelWeight(),
        0.0);
    assertEquals(EvolutionBasis.SAME_GRID, byMeasure.get(Measure.channel(Channel.WEB)).basis());
  }

  @Test
  void anItemWhoseThresholdsChangedIsNotShared() {
    GridItem fast = delay(2.0);
    GridItem slower = delay(3.0);
    EditionGrid before = new EditionGrid(2016, List.of(fast), Grids.channelWeights(1, 1, 1));
    EditionGrid after = new EditionGrid(2017, List.of(slower), Grids.channelWeights(1, 1, 1));
    assertEquals(
        EvolutionBasis.NOT_COMPARABLE,
        GridComparison.compare(Measure.channel(Channel.EMAIL), after, before).basis());
  }

  @Test
  void aMeasureOnlyOneGridHasIsNotComparable() {
    MeasureComparison gone = BY_MEASURE.get(Measure.criterion("C10"));
    assertEquals(EvolutionBasis.NOT_COMPARABLE, gone.basis());
    assertEquals(GridComparison.Presence.PREVIOUS_ONLY, gone.presence());
    MeasureComparison added = BY_MEASURE.get(Measure.criterion("C11"));
    assertEquals(EvolutionBasis.NOT_COMPARABLE, added.basis());
    assertEquals(GridComparison.Presence.CURRENT_ONLY, added.presence());
    // Both grids have the visit, but not one item in common.
    MeasureComparison visit = BY_MEASURE.get(Measure.channel(Channel.VISIT));
    assertEquals(EvolutionBasis.NOT_COMPARABLE, visit.basis());
    assertEquals(GridComparison.Presence.BOTH, visit.presence());
  }

  private static GridItem delay(double zeroAfter) {
    return new GridItem(
        "E3",
        Channel.EMAIL,
        "C01",
        Step.TRAITEMENT,
        "E3",
        ItemType.DELAY,
        fr.barometer.common.domain.DelayUnit.WORKING_DAYS,
        1.0,
        zeroAfter,
        1.0);
  }
}
