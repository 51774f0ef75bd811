package fr.barometer.common.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.barometer.common.SparkTestSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * What a report holds of the score intervals: every score's own interval, and the ranks and the
 * comparison with the peer group's mean only where the peer group is the comparison group.
 */
class IntervalSectionTest {
  private static final SparkSession SPARK = SparkTestSession.get();

  private static final StructType INTERVALS =
      StructType.fromDDL(
          "edition INT, structure_id STRING, peer_group STRING, measure STRING, value DOUBLE,"
              + " lower DOUBLE, upper DOUBLE, replicates INT, rank INT, peer_group_size BIGINT,"
              + " rank_lower INT, rank_upper INT, p_first DOUBLE, p_first_complete DOUBLE,"
              + " gap_to_peer_mean_lower DOUBLE, gap_to_peer_mean_upper DOUBLE,"
              + " vs_peer_mean STRING");

  private static Row overall(String id, String peerGroup) {
    return RowFactory.create(
        2017, id, peerGroup, "OVERALL", 70.0, 60.0, 80.0, 1000, 2, 6L, 1, 4, 0.3, 0.3, 1.5, 9.0,
        "ABOVE");
  }

  private static Row measure(String id, String measure) {
    return RowFactory.create(
        2017, id, "S1", measure, 70.0, 50.0, 90.0, 1000, null, null, null, null, null, null, null,
        null, null);
  }

  @Test
  void peerGroupFiguresOnlyWhereThePeerGroupIsTheComparisonGroup() {
    Dataset<Row> intervals =
        SPARK.createDataFrame(
            List.of(
                overall("A", "S1"),
                measure("A", "CHANNEL:EMAIL"),
                measure("A", "CHANNEL:VISIT"),
                measure("A", "STEP:ACCES"),
                overall("B", "S5"),
                overall("C", "S4")),
            INTERVALS);
    // A is compared with its peer group, B with its category (S5 under k), C with nothing.
    Dataset<Row> positions =
        SPARK.createDataFrame(
            List.of(
                RowFactory.create(2017, "A", "OVERALL", "PEER_GROUP"),
                RowFactory.create(2017, "A", "CHANNEL:EMAIL", "PEER_GROUP"),
                RowFactory.create(2017, "A", "CHANNEL:VISIT", "NATIONAL"),
                RowFactory.create(2017, "A", "STEP:ACCES", "PEER_GROUP"),
                RowFactory.create(2017, "B", "OVERALL", "CATEGORY"),
                RowFactory.create(2017, "C", "OVERALL", null)),
            StructType.fromDDL(
                "edition INT, structure_id STRING, measure STRING, comparison STRING"));
    Dataset<Row> seen = Disclosure.intervals(intervals, positions);
    Map<String, Row> byKey = new HashMap<>();
    seen.collectAsList()
        .forEach(r -> byKey.put(r.getAs("structure_id") + "/" + r.getAs("measure"), r));
    Row a = byKey.get("A/OVERALL");
    assertEquals(1, a.<Integer>getAs("rank_lower"));
    assertEquals(4, a.<Integer>getAs("rank_upper"));
    assertEquals(0.3, a.<Double>getAs("p_first"));
    assertEquals("ABOVE", a.getAs("vs_peer_mean"));
    for (String other : List.of("B/OVERALL", "C/OVERALL")) {
      Row r = byKey.get(other);
      // Its own score's interval is always its own.
      assertEquals(60.0, r.<Double>getAs("lower"), other);
      for (String peerFigure :
          List.of(
              "rank_lower",
              "rank_upper",
              "p_first",
              "gap_to_peer_mean_lower",
              "gap_to_peer_mean_upper",
              "vs_peer_mean")) {
        assertNull(r.getAs(peerFigure), other + " " + peerFigure);
      }
    }

    Dataset<Row> report =
        SPARK.createDataFrame(
            List.of(RowFactory.create(2017, "A"), RowFactory.create(2017, "Z")),
            StructType.fromDDL("edition INT, structure_id STRING"));
    Map<String, List<Row>> standard =
        sections(report, seen, EvolutionSection.Coverage.REMOTE_CHANNELS);
    assertEquals(
        List.of("CHANNEL:EMAIL", "OVERALL"),
        standard.get("A").stream().map(r -> r.<String>getAs("measure")).toList());
    assertEquals(List.of(), standard.get("Z"));
    Map<String, List<Row>> all = sections(report, seen, EvolutionSection.Coverage.ALL_MEASURES);
    assertEquals(4, all.get("A").size());
  }

  private static Map<String, List<Row>> sections(
      Dataset<Row> report, Dataset<Row> seen, EvolutionSection.Coverage coverage) {
    Map<String, List<Row>> out = new HashMap<>();
    for (Row r : IntervalSection.add(report, seen, coverage).collectAsList()) {
      out.put(r.getAs("structure_id"), r.getList(r.fieldIndex("intervals")));
    }
    return out;
  }
}
