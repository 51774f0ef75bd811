package fr.barometer.common.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.config.TestConfigs;
import fr.barometer.common.publish.NationalBarometer;
import fr.barometer.common.publish.Positioning;
import fr.barometer.common.score.Eligibility;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Two editions, k = 3, computed by the real rules. In 2016 category A holds two structures (A1 60,
 * A2 70): its cell is not published, so A1 is compared with the national sample (A1, A2 and B1-B3
 * at 50, 80, 90: median 70). In 2017 A holds three (65, 75, 85): median 75.
 */
class EvolutionSectionTest {
  private static final int K = 3;

  private static final String MEASURES =
      "edition INT, structure_id STRING, category STRING, subtype STRING, stratum STRING,"
          + " peer_group STRING, region_code STRING, department_code STRING, measure STRING,"
          + " value DOUBLE, compliant BIGINT, applicable BIGINT";

  private static final String ELIGIBILITY =
      "edition INT, structure_id STRING, category STRING, eligible BOOLEAN, stratum STRING,"
          + " peer_group STRING, application_status STRING";

  private static final String EVOLUTION =
      "edition INT, structure_id STRING, measure STRING, value DOUBLE, previous_edition INT,"
          + " previous_value DOUBLE, delta DOUBLE, basis STRING, compared_value DOUBLE,"
          + " compared_previous_value DOUBLE";

  private static final List<Object[]> SCORES =
      List.of(
          new Object[] {2016, "A1", "A", 60.0},
          new Object[] {2016, "A2", "A", 70.0},
          new Object[] {2016, "B1", "B", 50.0},
          new Object[] {2016, "B2", "B", 80.0},
          new Object[] {2016, "B3", "B", 90.0},
          new Object[] {2017, "A1", "A", 65.0},
          new Object[] {2017, "A2", "A", 75.0},
          new Object[] {2017, "A3", "A", 85.0},
          new Object[] {2017, "B1", "B", 55.0},
          new Object[] {2017, "B2", "B", 60.0},
          new Object[] {2017, "B3", "B", 95.0});

  private static Dataset<Row> df(String ddl, List<Row> rows) {
    return SparkTestSession.get().createDataFrame(rows, StructType.fromDDL(ddl));
  }

  private static Dataset<Row> report(EvolutionSection.Coverage coverage) {
    List<Row> measures = new ArrayList<>();
    List<Row> eligibility = new ArrayList<>();
    for (Object[] s : SCORES) {
      measures.add(
          RowFactory.create(
              s[0], s[1], s[2], "Agence", null, s[2], "11", "75", "OVERALL", s[3], 1L, 2L));
      eligibility.add(RowFactory.create(s[0], s[1], s[2], true, null, s[2], "ACCEPTED"));
    }
    Dataset<Row> measured = df(MEASURES, measures);
    Dataset<Row> overall =
        Disclosure.positions(
            Positioning.positioning(measured),
            Eligibility.participating(df(ELIGIBILITY, eligibility)),
            NationalBarometer.cells(measured, TestConfigs.withK(K)),
            K);
    Dataset<Row> evolution =
        df(
            EVOLUTION,
            List.of(
                RowFactory.create(
                    2017, "A1", "OVERALL", 65.0, 2016, 60.0, 5.0, "SAME_GRID", 65.0, 60.0),
                RowFactory.create(
                    2017,
                    "A1",
                    "CHANNEL:EMAIL",
                    70.0,
                    2016,
                    50.0,
                    10.0,
                    "COMMON_ITEMS",
                    70.0,
                    60.0),
                RowFactory.create(
                    2017,
                    "A1",
                    "CRITERION:C01",
                    40.0,
                    2016,
                    45.0,
                    null,
                    "NOT_COMPARABLE",
                    null,
                    null)));
    Dataset<Row> base =
        df(
            "edition INT, structure_id STRING",
            List.of(RowFactory.create(2017, "A1"), RowFactory.create(2017, "A3")));
    return EvolutionSection.add(base, 2017, overall, evolution, coverage);
  }

  @Test
  void eachEditionsMedianIsThatOfTheGroupThatEditionCouldShow() {
    Row a1 = row(EvolutionSection.Coverage.ALL_MEASURES, "A1");
    List<Row> editions = a1.getList(a1.fieldIndex("editions"));
    assertEquals(2, editions.size());
    Row first = editions.get(0);
    assertEquals(2016, (int) first.getAs("edition"));
    assertEquals(60.0, first.<Double>getAs("barometer_score"), 1e-9);
    // The 2016 category cell of two is not published: never its median (65).
    assertEquals("NATIONAL", first.getAs("comparison"));
    assertEquals(70.0, first.<Double>getAs("group_median"), 1e-9);
    Row second = editions.get(1);
    assertEquals("PEER_GROUP", second.getAs("comparison"));
    assertEquals(75.0, second.<Double>getAs("group_median"), 1e-9);
  }

  @Test
  void theStandardResultsListTheBarometerScoreAndRemoteChannelsOnly() {
    Row all = row(EvolutionSection.Coverage.ALL_MEASURES, "A1");
    assertEquals(3, all.getList(all.fieldIndex("evolution")).size());
    Row remote = row(EvolutionSection.Coverage.REMOTE_CHANNELS, "A1");
    List<Row> changes = remote.getList(remote.fieldIndex("evolution"));
    assertEquals(
        List.of("CHANNEL:EMAIL", "OVERALL"),
        changes.stream().map(r -> r.<String>getAs("measure")).toList());
  }

  @Test
  void aStructureWithoutAnEarlierEditionHasOneEditionAndNoChange() {
    Row a3 = row(EvolutionSection.Coverage.ALL_MEASURES, "A3");
    assertEquals(1, a3.getList(a3.fieldIndex("editions")).size());
    assertEquals(0, a3.getList(a3.fieldIndex("evolution")).size());
  }

  private static final java.util.Map<EvolutionSection.Coverage, List<Row>> REPORTS =
      new java.util.EnumMap<>(EvolutionSection.Coverage.class);

  private static synchronized Row row(EvolutionSection.Coverage coverage, String id) {
    return REPORTS.computeIfAbsent(coverage, c -> report(c).collectAsList()).stream()
        .filter(r -> id.equals(r.getAs("structure_id")))
        .findFirst()
        .orElseThrow();
  }
}
