package fr.barometer.common.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.config.TestConfigs;
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

class PositioningTest {
  private static final SparkSession SPARK = SparkTestSession.get();
  private static final StructType MEASURES =
      new StructType()
          .add("edition", DataTypes.IntegerType)
          .add("structure_id", DataTypes.StringType)
          .add("category", DataTypes.StringType)
          .add("subtype", DataTypes.StringType)
          .add("stratum", DataTypes.StringType)
          .add("peer_group", DataTypes.StringType)
          .add("region_code", DataTypes.StringType)
          .add("department_code", DataTypes.StringType)
          .add("measure", DataTypes.StringType)
          .add("value", DataTypes.DoubleType)
          .add("compliant", DataTypes.LongType)
          .add("applicable", DataTypes.LongType);

  private static Row town(
      String id,
      String stratum,
      String region,
      String dept,
      double value,
      long compliant,
      long applicable) {
    return RowFactory.create(
        2017,
        id,
        "ADMINISTRATION",
        "MAIRIE",
        stratum,
        stratum,
        region,
        dept,
        "OVERALL",
        value,
        compliant,
        applicable);
  }

  /** Four town halls in S1 (80, 70, 70, 60) and one post office alone in its category (50). */
  private static Dataset<Row> sample() {
    List<Row> rows =
        new ArrayList<>(
            List.of(
                town("A", "S1", "53", "35", 80, 8, 10),
                town("B", "S1", "53", "35", 70, 6, 10),
                town("C", "S1", "53", "29", 70, 5, 10),
                town("D", "S1", "11", "75", 60, 1, 10),
                RowFactory.create(
                    2017,
                    "E",
                    "POSTAL",
                    "La Poste",
                    null,
                    "POSTAL",
                    "11",
                    "75",
                    "OVERALL",
                    50.0,
                    0L,
                    20L)));
    return SPARK.createDataFrame(rows, MEASURES);
  }

  private static Map<String, Row> positions(Dataset<Row> measures) {
    return Positioning.positioning(measures).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("structure_id"), r -> r));
  }

  @Test
  void ranksPercentilesQuartilesAndGaps() {
    Map<String, Row> p = positions(sample());
    // RANK descending: 80 -> 1, the two 70s share 2, 60 -> 4.
    assertEquals(
        List.of(1, 2, 2, 4), List.of(rank(p, "A"), rank(p, "B"), rank(p, "C"), rank(p, "D")));
    assertEquals(4L, (long) p.get("A").getAs("peer_group_size"));
    // PERCENT_RANK ascending in S1: 60 -> 0, 70 -> (2-1)/(4-1) = 33.33, 80 -> 100.
    assertEquals(100.0, p.get("A").<Double>getAs("percentile_peer"), 1e-9);
    assertEquals(100.0 / 3, p.get("B").<Double>getAs("percentile_peer"), 1e-9);
    assertEquals(0.0, p.get("D").<Double>getAs("percentile_peer"), 1e-9);
    // Nationally 50, 60, 70, 70, 80: 70 -> (3-1)/4 = 50, 60 -> 25.
    assertEquals(50.0, p.get("B").<Double>getAs("percentile_national"), 1e-9);
    assertEquals(25.0, p.get("D").<Double>getAs("percentile_national"), 1e-9);
    assertEquals(
        List.of(1, 3, 3, 4),
        List.of(quartile(p, "A"), quartile(p, "B"), quartile(p, "C"), quartile(p, "D")));
    // S1 mean 70; national mean 330 / 5 = 66.
    assertEquals(10.0, p.get("A").<Double>getAs("gap_to_peer_mean"), 1e-9);
    assertEquals(-10.0, p.get("D").<Double>getAs("gap_to_peer_mean"), 1e-9);
    assertEquals(14.0, p.get("A").<Double>getAs("gap_to_national_mean"), 1e-9);
  }

  @Test
  void aPeerGroupOfOne() {
    Row e = positions(sample()).get("E");
    assertEquals(1, (int) e.getAs("rank"));
    assertEquals(1L, (long) e.getAs("peer_group_size"));
    assertEquals(0.0, e.<Double>getAs("percentile_peer"), 1e-9);
    assertEquals(4, (int) e.getAs("quartile"));
    assertEquals(0.0, e.<Double>getAs("gap_to_peer_mean"), 1e-9);
  }

  @Test
  void territory() {
    Map<String, Row> p = positions(sample());
    // Region 53 holds A (80), B and C (70): B ranks 2 of 3; ascending, the 70s come first, so
    // B's percentile is (1-1)/(3-1) = 0 and A's (3-1)/(3-1) = 100.
    assertEquals(2, (int) p.get("B").getAs("rank_region"));
    assertEquals(3L, (long) p.get("B").getAs("region_size"));
    assertEquals(0.0, p.get("B").<Double>getAs("percentile_region"), 1e-9);
    assertEquals(100.0, p.get("A").<Double>getAs("percentile_region"), 1e-9);
    // Department 35 holds A and B: B is 2 of 2, percentile 0.
    assertEquals(2, (int) p.get("B").getAs("rank_department"));
    assertEquals(2L, (long) p.get("B").getAs("department_size"));
    assertEquals(0.0, p.get("B").<Double>getAs("percentile_department"), 1e-9);
    // Region 11 holds D (60) and E (50) across peer groups.
    assertEquals(1, (int) p.get("D").getAs("rank_region"));
    assertEquals(100.0, p.get("D").<Double>getAs("percentile_region"), 1e-9);
  }

  @Test
  void quartileEdges() {
    // Five values 1..5 in one group: percentiles 0, 25, 50, 75, 100.
    List<Row> rows = new ArrayList<>();
    for (int v = 1; v <= 5; v++) {
      rows.add(town("T" + v, "S2", "53", "35", v, 0, 1));
    }
    Map<String, Row> p = positions(SPARK.createDataFrame(rows, MEASURES));
    assertEquals(
        List.of(4, 3, 2, 1, 1),
        List.of(
            quartile(p, "T1"),
            quartile(p, "T2"),
            quartile(p, "T3"),
            quartile(p, "T4"),
            quartile(p, "T5")));
  }

  @Test
  void nationalPercentilesOfOddAndEvenCountsAndPooledCompliance() {
    // k = 1: nothing suppressed, so every figure can be checked.
    Map<String, Row> cells =
        NationalBarometer.cells(sample(), TestConfigs.withK(1)).collectAsList().stream()
            .collect(
                Collectors.toMap(r -> r.getAs("scope") + "/" + r.getAs("scope_value"), r -> r));
    Row national = cells.get("NATIONAL/FRANCE");
    // 50, 60, 70, 70, 80: positions 1, 2, 3 of 0..4.
    assertEquals(5L, (long) national.getAs("n_structures"));
    assertEquals(66.0, national.<Double>getAs("mean"), 1e-9);
    assertEquals(60.0, national.<Double>getAs("p25"), 1e-9);
    assertEquals(70.0, national.<Double>getAs("median"), 1e-9);
    assertEquals(70.0, national.<Double>getAs("p75"), 1e-9);
    // (8 + 6 + 5 + 1 + 0) / (10 + 10 + 10 + 10 + 20) = 20 / 60.
    assertEquals(100.0 / 3, national.<Double>getAs("compliance"), 1e-9);
    Row s1 = cells.get("STRATUM/S1");
    // 60, 70, 70, 80: p25 at 0.75 -> 67.5, median at 1.5 -> 70, p75 at 2.25 -> 72.5.
    assertEquals(67.5, s1.<Double>getAs("p25"), 1e-9);
    assertEquals(70.0, s1.<Double>getAs("median"), 1e-9);
    assertEquals(72.5, s1.<Double>getAs("p75"), 1e-9);
    assertFalse(cells.containsKey("STRATUM/null"), "the post office has no stratum");
    assertTrue(cells.containsKey("REGION/53"));
  }

  @Test
  void primarySuppressionAtKMinusOneAndK() {
    // Five town halls in S2, all in region 53: every cell holds 5 structures.
    List<Row> rows = new ArrayList<>();
    for (int v = 1; v <= 5; v++) {
      rows.add(town("T" + v, "S2", "53", "35", 60 + v, 0, 1));
    }
    Dataset<Row> five = SPARK.createDataFrame(rows, MEASURES);
    for (Row cell : NationalBarometer.cells(five, TestConfigs.withK(5)).collectAsList()) {
      assertFalse((boolean) cell.getAs("suppressed"), "5 structures at k = 5 are published");
      assertEquals(63.0, cell.<Double>getAs("median"), 1e-9);
    }
    for (Row cell : NationalBarometer.cells(five, TestConfigs.withK(6)).collectAsList()) {
      assertTrue((boolean) cell.getAs("suppressed"), "5 structures at k = 6 are not");
      assertEquals("PRIMARY", cell.getAs("suppression"));
      assertEquals(5L, (long) cell.getAs("n_structures"));
      for (String value : List.of("mean", "p25", "median", "p75", "compliance")) {
        assertNull(cell.getAs(value), value);
      }
    }
    assertTrue(
        List.of(NationalBarometer.cells(five, TestConfigs.withK(5)).columns()).stream()
            .noneMatch(c -> c.contains("structure_id") || c.contains("name")));
  }

  @Test
  void secondarySuppressionHidesWhatADifferenceWouldReveal() {
    // k = 4: POSTAL holds one structure (primary); NATIONAL (5) minus ADMINISTRATION (4) would
    // give it away, so ADMINISTRATION goes too; the same for S1 against NATIONAL. Region 53 (3)
    // and region 11 (2) are both primary, which leaves NATIONAL minus nothing = 5 >= k.
    Map<String, Row> cells =
        NationalBarometer.cells(sample(), TestConfigs.withK(4)).collectAsList().stream()
            .collect(
                Collectors.toMap(r -> r.getAs("scope") + "/" + r.getAs("scope_value"), r -> r));
    assertEquals("PRIMARY", cells.get("CATEGORY/POSTAL").getAs("suppression"));
    assertEquals("SECONDARY", cells.get("CATEGORY/ADMINISTRATION").getAs("suppression"));
    assertEquals("SECONDARY", cells.get("STRATUM/S1").getAs("suppression"));
    assertEquals("PRIMARY", cells.get("REGION/53").getAs("suppression"));
    assertNull(cells.get("NATIONAL/FRANCE").getAs("suppression"));
    assertNull(cells.get("CATEGORY/ADMINISTRATION").getAs("mean"));
    assertEquals(66.0, cells.get("NATIONAL/FRANCE").<Double>getAs("mean"), 1e-9);
  }

  /** The structure_scores columns the Relation citoyen trophy reads. */
  private static final StructType TROPHY_SCORES =
      new StructType()
          .add("edition", DataTypes.IntegerType)
          .add("structure_id", DataTypes.StringType)
          .add("peer_group", DataTypes.StringType)
          .add("barometer_score", DataTypes.DoubleType)
          .add("compliance", DataTypes.DoubleType)
          .add("complete", DataTypes.BooleanType);

  @Test
  void relationCitoyenTrophy() {
    Dataset<Row> rows =
        SPARK.createDataFrame(
            List.of(
                RowFactory.create(2017, "S01", "S1", 90.0, 50.0, false), // best but incomplete
                RowFactory.create(2017, "S02", "S1", 80.0, 60.0, true),
                RowFactory.create(
                    2017, "S03", "S1", 80.0, 70.0, true), // same score, higher compliance
                RowFactory.create(2017, "S05", "POSTAL", 75.0, 40.0, true),
                RowFactory.create(2017, "S04", "POSTAL", 75.0, 40.0, true)), // full tie: smaller id
            TROPHY_SCORES);
    Map<String, String> winners =
        Trophies.relationCitoyen(rows).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getAs("peer_group"), r -> r.getAs("structure_id")));
    assertEquals(Map.of("S1", "S03", "POSTAL", "S04"), winners);
  }

  /**
   * 8/9 of 100 computed as 100 x 8 / 9 and as eight ninths added up: equal, yet not the same
   * double.
   */
  private static final double EIGHT_NINTHS = 100.0 * 8 / 9;

  private static final double EIGHT_NINTHS_SUMMED = summedNinths(8) * 100;

  private static double summedNinths(int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1.0 / 9;
    }
    return sum;
  }

  @Test
  void equalScoresReachedAlongDifferentPathsTie() {
    assertTrue(EIGHT_NINTHS != EIGHT_NINTHS_SUMMED, "the two paths must differ in the last bits");
    Dataset<Row> measures =
        SPARK.createDataFrame(
            List.of(
                town("A", "S1", "53", "35", EIGHT_NINTHS, 8, 9),
                town("B", "S1", "53", "35", EIGHT_NINTHS_SUMMED, 8, 9),
                town("C", "S1", "53", "29", 95, 9, 10),
                town("D", "S1", "11", "75", 80, 8, 10)),
            MEASURES);
    Map<String, Row> p = positions(measures);
    // RANK descending: 95 -> 1, the two 88.9 share 2, 80 -> 4.
    assertEquals(
        List.of(2, 2, 1, 4), List.of(rank(p, "A"), rank(p, "B"), rank(p, "C"), rank(p, "D")));
    // PERCENT_RANK ascending: 80 -> 0, 88.9 -> 1/3, 95 -> 1; equal percentiles, equal quartiles.
    for (String id : List.of("A", "B")) {
      assertEquals(100.0 / 3, p.get(id).<Double>getAs("percentile_peer"), 1e-9);
      // Region 53 holds A, B and C: the tied pair is its lowest.
      assertEquals(0.0, p.get(id).<Double>getAs("percentile_region"));
      assertEquals(3, quartile(p, id));
    }
    // Stored values stay unrounded.
    assertEquals(EIGHT_NINTHS_SUMMED, p.get("B").<Double>getAs("value"));
  }

  @Test
  void equalScoresTieForTheTrophyAndGoToTheSmallerId() {
    // S01's score is the smaller double, but equal to S02's; compliances are equal too.
    Dataset<Row> rows =
        SPARK.createDataFrame(
            List.of(
                RowFactory.create(
                    2017, "S02", "S1", EIGHT_NINTHS_SUMMED, EIGHT_NINTHS_SUMMED, true),
                RowFactory.create(2017, "S01", "S1", EIGHT_NINTHS, EIGHT_NINTHS, true)),
            TROPHY_SCORES);
    assertTrue(EIGHT_NINTHS < EIGHT_NINTHS_SUMMED);
    assertEquals("S01", Trophies.relationCitoyen(rows).first().getAs("structure_id"));
  }

  private static int rank(Map<String, Row> p, String id) {
    return p.get(id).getAs("rank");
  }

  private static int quartile(Map<String, Row> p, String id) {
    return p.get(id).getAs("quartile");
  }
}
