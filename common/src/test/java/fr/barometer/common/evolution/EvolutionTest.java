package fr.barometer.common.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Three editions by hand: 2015 and 2017 share a grid; 2016's differs from 2017's by a weight (E2),
 * a dropped item (X1) and an added one (P2) (see {@link Grids}). Structure A is in 2016 and 2017 in
 * the same peer group; B moves from S1 to S2; C skips 2016; D is new in 2017.
 */
class EvolutionTest {
  private static final SparkSession SPARK = SparkTestSession.get();
  private static final double EPS = 1e-9;

  private static final StructType POSITIONING =
      new StructType()
          .add("edition", DataTypes.IntegerType)
          .add("structure_id", DataTypes.StringType)
          .add("peer_group", DataTypes.StringType)
          .add("measure", DataTypes.StringType)
          .add("value", DataTypes.DoubleType)
          .add("rank", DataTypes.IntegerType);

  private static final StructType ANSWER_POINTS =
      new StructType()
          .add("edition", DataTypes.IntegerType)
          .add("structure_id", DataTypes.StringType)
          .add("site_id", DataTypes.StringType)
          .add("channel", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add("weight", DataTypes.DoubleType)
          .add("points", DataTypes.DoubleType);

  private static final StructType SITE_SCORES =
      new StructType()
          .add("edition", DataTypes.IntegerType)
          .add("structure_id", DataTypes.StringType)
          .add("site_id", DataTypes.StringType)
          .add("is_main", DataTypes.BooleanType);

  private static Row position(
      int edition, String id, String peer, String measure, double value, int rank) {
    return RowFactory.create(edition, id, peer, measure, value, rank);
  }

  /** Each answer's points on the main site (and one on another site, which must not count). */
  private static List<Row> answers() {
    List<Row> rows = new ArrayList<>();
    answer(rows, 2016, "A", "EMAIL", "E1", 1.0, 0.0);
    answer(rows, 2016, "A", "EMAIL", "E2", 1.0, 1.0);
    answer(rows, 2016, "A", "PHONE", "P1", 0.5, 1.0);
    answer(rows, 2016, "A", "PHONE", "X1", 1.0, 1.0);
    answer(rows, 2016, "A", "WEB", "W1", 1.0);
    answer(rows, 2017, "A", "EMAIL", "E1", 1.0, 1.0);
    answer(rows, 2017, "A", "EMAIL", "E2", 0.0, 1.0);
    answer(rows, 2017, "A", "PHONE", "P1", 1.0, 1.0);
    answer(rows, 2017, "A", "PHONE", "P2", 0.0, 0.0);
    answer(rows, 2017, "A", "WEB", "W1", 0.0);
    // Not applicable: does not count.
    rows.add(RowFactory.create(2017, "A", "A-M", "PHONE", "P1", 1.0, null));
    // Another site of A.
    rows.add(RowFactory.create(2017, "A", "A-A1", "EMAIL", "E1", 1.0, 0.0));
    answer(rows, 2016, "B", "WEB", "W1", 0.5);
    answer(rows, 2017, "B", "WEB", "W1", 1.0);
    return rows;
  }

  private static void answer(
      List<Row> rows, int edition, String id, String channel, String item, double... points) {
    for (double p : points) {
      rows.add(RowFactory.create(edition, id, id + "-M", channel, item, 9.0, p));
    }
  }

  private static Dataset<Row> positioning() {
    return SPARK.createDataFrame(
        List.of(
            position(2016, "A", "S1", "OVERALL", 70.0, 2),
            position(2017, "A", "S1", "OVERALL", 40.0, 1),
            position(2016, "A", "S1", "CHANNEL:EMAIL", 90.0, 1),
            position(2017, "A", "S1", "CHANNEL:EMAIL", 60.0, 1),
            position(2016, "A", "S1", "CHANNEL:PHONE", 80.0, 1),
            position(2017, "A", "S1", "CHANNEL:PHONE", 75.0, 1),
            position(2016, "A", "S1", "CHANNEL:WEB", 100.0, 1),
            position(2017, "A", "S1", "CHANNEL:WEB", 0.0, 2),
            position(2016, "A", "S1", "CRITERION:C01", 70.0, 1),
            position(2017, "A", "S1", "CRITERION:C01", 80.0, 1),
            position(2016, "A", "S1", "CRITERION:C02", 100.0, 1),
            position(2017, "A", "S1", "CRITERION:C02", 50.0, 1),
            position(2016, "A", "S1", "CRITERION:C04", 100.0, 1),
            position(2016, "A", "S1", "CRITERION:C10", 30.0, 1),
            position(2017, "A", "S1", "CRITERION:C11", 20.0, 1),
            position(2017, "A", "S1", "CRITERION:C04", 0.0, 1),
            position(2016, "B", "S1", "OVERALL", 50.0, 1),
            position(2017, "B", "S2", "OVERALL", 100.0, 1),
            position(2015, "C", "S2", "OVERALL", 55.5, 3),
            position(2017, "C", "S2", "OVERALL", 60.0, 2),
            position(2017, "D", "S2", "OVERALL", 65.0, 1)),
        POSITIONING);
  }

  private static Dataset<Row> mainSiteAnswers() {
    List<Row> sites =
        List.of(
            RowFactory.create(2016, "A", "A-M", true),
            RowFactory.create(2017, "A", "A-M", true),
            RowFactory.create(2017, "A", "A-A1", false),
            RowFactory.create(2016, "B", "B-M", true),
            RowFactory.create(2017, "B", "B-M", true));
    return Evolution.mainSiteAnswers(
        SPARK.createDataFrame(answers(), ANSWER_POINTS), SPARK.createDataFrame(sites, SITE_SCORES));
  }

  private static GridComparisons grids() {
    return GridComparisons.of(SPARK, List.of(Grids.of2017(), Grids.of2015(), Grids.of2016()));
  }

  private static final Map<String, Row> EVOLUTION = evolutionRows();

  private static Map<String, Row> evolutionRows() {
    return Evolution.evolution(positioning(), mainSiteAnswers(), grids(), List.of(2016, 2017))
        .collectAsList()
        .stream()
        .collect(
            Collectors.toMap(
                r ->
                    r.<Integer>getAs("edition")
                        + " "
                        + r.getAs("structure_id")
                        + " "
                        + r.getAs("measure"),
                r -> r));
  }

  private static Row row(String key) {
    assertTrue(EVOLUTION.containsKey(key), key + " in " + EVOLUTION.keySet());
    return EVOLUTION.get(key);
  }

  @Test
  void sameGridIsThePlainDifferenceOfThePublishedValues() {
    Row c01 = row("2017 A CRITERION:C01");
    assertEquals("SAME_GRID", c01.getAs("basis"));
    assertEquals(2016, (int) c01.getAs("previous_edition"));
    assertEquals(80.0, c01.<Double>getAs("value"), EPS);
    assertEquals(70.0, c01.<Double>getAs("previous_value"), EPS);
    assertEquals(10.0, c01.<Double>getAs("delta"), EPS);
    assertEquals(-100.0, row("2017 A CHANNEL:WEB").<Double>getAs("delta"), EPS);
  }

  @Test
  void commonItemsRecomputesBothEditionsOnTheSharedItemsWithTheLaterWeights() {
    // E1 weighs 1, E2 2: 2017 (1+1)x1 + (0+1)x2 = 4 of 6; 2016 (1+0)x1 + (1+1)x2 = 5 of 6.
    Row email = row("2017 A CHANNEL:EMAIL");
    assertEquals("COMMON_ITEMS", email.getAs("basis"));
    assertEquals(400.0 / 6, email.<Double>getAs("compared_value"), EPS);
    assertEquals(500.0 / 6, email.<Double>getAs("compared_previous_value"), EPS);
    assertEquals(-100.0 / 6, email.<Double>getAs("delta"), EPS);
    // The published values stay as published.
    assertEquals(60.0, email.<Double>getAs("value"), EPS);
    assertEquals(90.0, email.<Double>getAs("previous_value"), EPS);
    // P1 only (P2 and X1 are not shared; the NA answer does not count): 2/2 against 1.5/2.
    assertEquals(25.0, row("2017 A CHANNEL:PHONE").<Double>getAs("delta"), EPS);
    // E2 alone: 1 of 2 against 2 of 2.
    assertEquals(-50.0, row("2017 A CRITERION:C02").<Double>getAs("delta"), EPS);
  }

  @Test
  void theBarometerScoreOnCommonItemsIsTheChannelWeightedMeanOfTheRecomputedChannels() {
    // Channels EMAIL 1, PHONE 1, WEB 2. 2017: (400/6 + 100 + 2 x 0) / 4; 2016: (500/6 + 75 + 2 x
    // 100) / 4.
    Row overall = row("2017 A OVERALL");
    assertEquals("COMMON_ITEMS", overall.getAs("basis"));
    double now = (400.0 / 6 + 100) / 4;
    double before = (500.0 / 6 + 75 + 200) / 4;
    assertEquals(now, overall.<Double>getAs("compared_value"), EPS);
    assertEquals(before, overall.<Double>getAs("compared_previous_value"), EPS);
    assertEquals(now - before, overall.<Double>getAs("delta"), EPS);
    assertEquals(1, (int) overall.getAs("rank_change"));
    assertFalse(overall.<Boolean>getAs("peer_group_changed"));
  }

  @Test
  void noSharedItemGivesNoDelta() {
    Row c04 = row("2017 A CRITERION:C04");
    assertEquals("NOT_COMPARABLE", c04.getAs("basis"));
    assertNull(c04.getAs("delta"));
    assertNull(c04.getAs("compared_value"));
    assertEquals(0.0, c04.<Double>getAs("value"), EPS);
  }

  @Test
  void aCriterionDroppedOrAddedIsNotComparable() {
    Row gone = row("2017 A CRITERION:C10");
    assertEquals("NOT_COMPARABLE", gone.getAs("basis"));
    assertNull(gone.getAs("value"));
    assertEquals(30.0, gone.<Double>getAs("previous_value"), EPS);
    assertEquals(2016, (int) gone.getAs("previous_edition"));
    assertNull(gone.getAs("delta"));
    Row added = row("2017 A CRITERION:C11");
    assertEquals("NOT_COMPARABLE", added.getAs("basis"));
    assertEquals(20.0, added.<Double>getAs("value"), EPS);
    assertNull(added.getAs("previous_value"));
    assertEquals(2016, (int) added.getAs("previous_edition"));
  }

  @Test
  void aPeerGroupChangeHasNoRankChange() {
    Row b = row("2017 B OVERALL");
    assertTrue(b.<Boolean>getAs("peer_group_changed"));
    assertNull(b.getAs("rank_change"));
    assertEquals("S1", b.getAs("previous_peer_group"));
    assertEquals(50.0, b.<Double>getAs("delta"), EPS);
  }

  @Test
  void aStructureAbsentOneYearIsComparedWithItsLatestEarlierEdition() {
    Row c = row("2017 C OVERALL");
    assertEquals(2015, (int) c.getAs("previous_edition"));
    // 2015 and 2017 share their grid and channel weights.
    assertEquals("SAME_GRID", c.getAs("basis"));
    assertEquals(4.5, c.<Double>getAs("delta"), EPS);
    assertEquals(1, (int) c.getAs("rank_change"));
  }

  @Test
  void onlyStructuresWithAnEarlierValueHaveRows() {
    assertFalse(EVOLUTION.containsKey("2017 D OVERALL"));
    assertTrue(EVOLUTION.keySet().stream().noneMatch(k -> k.startsWith("2016 ")));
    assertTrue(EVOLUTION.keySet().stream().noneMatch(k -> k.startsWith("2015 ")));
    assertEquals(11, EVOLUTION.size());
  }
}
