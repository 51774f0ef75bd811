package fr.barometer.common.intervals;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.publish.Measures;
import fr.barometer.common.publish.NationalBarometer;
import fr.barometer.common.publish.Positioning;
import fr.barometer.common.score.Eligibility;
import fr.barometer.common.score.ScoringResult;
import fr.barometer.common.score.Ties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bootstrap on a small edition scored by the score step ({@link IntervalsFixture}). */
class ScoreIntervalsTest {
  private static final SparkSession SPARK = SparkTestSession.get();
  private static final int B = 200;
  private static IntervalsFixture.Edition edition;
  private static List<Row> intervals;
  private static List<Row> cells;

  @BeforeAll
  static void bootstrap() {
    edition = IntervalsFixture.edition(B);
    ScoreIntervals.Result result = ScoreIntervals.intervals(edition.inputs(), edition.config());
    intervals = sorted(result.scoreIntervals());
    cells = sorted(result.cellIntervals());
    result.release();
  }

  private static List<Row> sorted(Dataset<Row> rows) {
    String[] columns = rows.columns();
    return rows.orderBy(columns[1], java.util.Arrays.copyOfRange(columns, 2, 4)).collectAsList();
  }

  private static Dataset<Row> measures() {
    ScoringResult s = edition.scores();
    return Measures.ofMainSites(
        Eligibility.participating(edition.eligibility()),
        s.structureScores(),
        s.siteScores(),
        s.siteChannelScores(),
        s.siteStepScores(),
        s.siteCriterionScores());
  }

  /**
   * Every measure positioning has gets a row, whose value is the published one to the last bit
   * (replicates add up the same fixed-point sums), and the barometer score's rank is positioning's.
   */
  @Test
  void valuesAndRanksArePositioningsExactly() {
    Map<String, Row> published = new HashMap<>();
    for (Row p : Positioning.positioning(measures()).collectAsList()) {
      published.put(p.<String>getAs("structure_id") + "/" + p.getAs("measure"), p);
    }
    assertEquals(published.size(), intervals.size());
    for (Row r : intervals) {
      String key = r.<String>getAs("structure_id") + "/" + r.getAs("measure");
      Row p = published.get(key);
      assertNotNull(p, key);
      assertEquals(p.<Double>getAs("value"), r.<Double>getAs("value"), 0.0, key);
      assertEquals(B, r.<Integer>getAs("replicates"), key);
      if ("OVERALL".equals(r.getAs("measure"))) {
        assertEquals(p.<Integer>getAs("rank"), r.<Integer>getAs("rank"), key);
        assertEquals(p.<Long>getAs("peer_group_size"), r.<Long>getAs("peer_group_size"), key);
        int low = r.getAs("rank_lower");
        int high = r.getAs("rank_upper");
        assertTrue(1 <= low && low <= high && high <= r.<Long>getAs("peer_group_size"), key);
        double pFirst = r.getAs("p_first");
        assertTrue(pFirst >= 0 && pFirst <= 1, key);
        assertTrue(
            r.<Double>getAs("gap_to_peer_mean_lower") <= r.<Double>getAs("gap_to_peer_mean_upper"));
        assertNotNull(r.getAs("vs_peer_mean"));
      } else {
        assertNull(r.getAs("rank"), key);
        assertNull(r.getAs("p_first"), key);
      }
      if (r.getAs("lower") != null) {
        double lower = r.getAs("lower");
        double upper = r.getAs("upper");
        assertTrue(0 <= lower && lower <= upper && upper <= 100, key + " " + lower + " " + upper);
      }
    }
  }

  /** The two structures answered alike share their rank in every replicate. */
  @Test
  void equalScoresShareTheirRanks() {
    Map<String, Row> overall =
        intervals.stream()
            .filter(r -> "OVERALL".equals(r.getAs("measure")))
            .collect(Collectors.toMap(r -> r.getAs("structure_id"), r -> r));
    Row a = overall.get("I00");
    Row b = overall.get("I01");
    assertEquals(Ties.units(a.getAs("value")), Ties.units(b.getAs("value")));
    assertEquals(a.<Integer>getAs("rank"), b.<Integer>getAs("rank"));
  }

  /**
   * A channel scored on one audit has no interval of its own; a channel of two borrows the pool's
   * spread and has one.
   */
  @Test
  void aChannelOfOneAuditHasNoIntervalOfItsOwn() {
    Map<String, Row> byKey =
        intervals.stream()
            .collect(
                Collectors.toMap(r -> r.getAs("structure_id") + "/" + r.getAs("measure"), r -> r));
    // I00: one e-mail and one phone audit; I06: two of each.
    assertNull(byKey.get("I00/CHANNEL:EMAIL").getAs("lower"));
    assertNull(byKey.get("I00/CHANNEL:PHONE").getAs("lower"));
    assertNotNull(byKey.get("I00/OVERALL").getAs("lower"));
    Row twoEmails = byKey.get("I06/CHANNEL:EMAIL");
    assertTrue(twoEmails.<Double>getAs("lower") < twoEmails.<Double>getAs("upper"));
  }

  /** Every cell of the national barometer has its mean's interval, and only those. */
  @Test
  void everyNationalCellHasAnIntervalOfItsMean() {
    EditionConfig config = edition.config();
    Set<String> expected = new TreeSet<>();
    for (Row c : NationalBarometer.cells(measures(), config).collectAsList()) {
      expected.add(c.getAs("scope") + "/" + c.getAs("scope_value") + "/" + c.getAs("measure"));
    }
    Set<String> got = new TreeSet<>();
    for (Row c : cells) {
      got.add(c.getAs("scope") + "/" + c.getAs("scope_value") + "/" + c.getAs("measure"));
      assertTrue(c.<Double>getAs("mean_lower") <= c.<Double>getAs("mean_upper"));
      assertEquals(B, c.<Integer>getAs("replicates"));
    }
    assertEquals(expected, got);
  }

  /** The same tables whatever the number of partitions the rows are spread over. */
  @Test
  void theSameWhateverThePartitioning() {
    String key = "spark.sql.shuffle.partitions";
    String before = SPARK.conf().get(key);
    try {
      for (String partitions : List.of("5")) {
        SPARK.conf().set(key, partitions);
        ScoreIntervals.Result again = ScoreIntervals.intervals(edition.inputs(), edition.config());
        assertEquals(intervals, sorted(again.scoreIntervals()), partitions + " partitions");
        assertEquals(cells, sorted(again.cellIntervals()), partitions + " partitions");
        again.release();
      }
    } finally {
      SPARK.conf().set(key, before);
    }
  }

  /** Ties.units orders and equates values as Ties.comparable does in Spark. */
  @Test
  void unitsAreTheComparableValues() {
    double[] values = {
      0, 100, 8.0 / 9 * 100, 800.0 / 9, 66.6666666665, 66.6666666675, 12.3456789125, 1e-10, 55.5
    };
    List<Row> rows =
        SPARK
            .createDataset(
                java.util.Arrays.stream(values).boxed().toList(),
                org.apache.spark.sql.Encoders.DOUBLE())
            .select(col("value"), Ties.comparable(col("value")).cast(DataTypes.DoubleType))
            .collectAsList();
    for (Row r : rows) {
      double rounded = r.getDouble(1);
      assertEquals(Math.round(rounded * 1e9), Ties.units(r.getDouble(0)), "value " + r.get(0));
    }
    assertFalse(Ties.units(66.6666666665) == Ties.units(66.6666666664));
  }
}
