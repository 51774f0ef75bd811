package fr.barometer.common.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.TestConfigs;
import fr.barometer.common.io.Schemas;
import fr.barometer.common.publish.SurveyNational;
import java.sql.Timestamp;
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

class SurveyResultsTest {
  private static final SparkSession SPARK = SparkTestSession.get();
  private static final StructType PARTICIPATING =
      new StructType()
          .add("edition", DataTypes.IntegerType)
          .add("structure_id", DataTypes.StringType)
          .add("category", DataTypes.StringType)
          .add("stratum", DataTypes.StringType)
          .add("region_code", DataTypes.StringType)
          .add("population", DataTypes.LongType);
  private static int next;

  private static Row response(
      String structure,
      String insee,
      String category,
      String lastContact,
      Integer overall,
      Integer recommend) {
    next++;
    return RowFactory.create(
        2017,
        "R" + next,
        Timestamp.valueOf("2017-09-12 10:00:00"),
        structure,
        insee,
        category,
        lastContact,
        "PHONE",
        4,
        4,
        null,
        4,
        4,
        overall,
        recommend,
        null,
        !lastContact.equals(">3M"),
        "s.csv",
        (long) next);
  }

  private static void repeat(
      List<Row> rows, int times, String structure, Integer overall, Integer recommend) {
    for (int i = 0; i < times; i++) {
      rows.add(response(structure, "75056", "ADMINISTRATION", "<1M", overall, recommend));
    }
  }

  /**
   * P1: 30 eligible responses. q_overall 18 x 4, 6 x 3, 3 x 1, 3 empty: 24 satisfied of 27
   * answered. recommend 10 x 10, 5 x 9, 5 x 8, 5 x 7, 3 x 6, 2 empty: 15 promoters, 3 detractors of
   * 28. Plus 2 answers older than 3 months. P2: 29 responses. X9 is no participant.
   */
  private static Dataset<Row> responses() {
    List<Row> rows = new ArrayList<>();
    repeat(rows, 10, "P1", 4, 10);
    repeat(rows, 5, "P1", 4, 9);
    repeat(rows, 3, "P1", 4, 8);
    repeat(rows, 2, "P1", 3, 8);
    repeat(rows, 4, "P1", 3, 7);
    repeat(rows, 1, "P1", 1, 7);
    repeat(rows, 2, "P1", 1, 6);
    repeat(rows, 1, "P1", null, 6);
    repeat(rows, 2, "P1", null, null);
    rows.add(response("P1", "75056", "ADMINISTRATION", ">3M", 1, 0));
    rows.add(response("P1", "75056", "ADMINISTRATION", ">3M", 1, 0));
    repeat(rows, 29, "P2", 4, 10);
    rows.add(response("X9", "35238", "POSTAL", "<1M", 4, 10));
    rows.add(response(null, "35238", "POSTAL", "1-3M", 2, 3));
    return SPARK.createDataFrame(rows, Schemas.SURVEY_RESPONSES);
  }

  private static Dataset<Row> participating() {
    return SPARK.createDataFrame(
        List.of(
            RowFactory.create(2017, "P1", "ADMINISTRATION", "S1", "11", 10_000L),
            RowFactory.create(2017, "P2", "ADMINISTRATION", "S1", "11", 2_000L),
            RowFactory.create(2017, "P3", "POSTAL", null, "53", 20_000L)),
        PARTICIPATING);
  }

  private static Map<String, Row> byStructure(Dataset<Row> results) {
    return results.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("structure_id"), r -> r));
  }

  @Test
  void ratesWithEmptyAnswersAndTheThreshold() {
    Map<String, Row> results =
        byStructure(
            SurveyResults.perStructure(responses(), participating(), EditionConfig.defaults()));
    Row p1 = results.get("P1");
    assertEquals(30L, (long) p1.getAs("responses"));
    assertEquals(2L, (long) p1.getAs("ineligible_responses"));
    assertEquals("PUBLISHED", p1.getAs("status"));
    assertEquals(100.0 * 24 / 27, p1.<Double>getAs("rate_q_overall"), 1e-9);
    assertEquals(100.0 * 24 / 27, p1.<Double>getAs("satisfaction_overall"), 1e-9);
    assertNull(p1.getAs("rate_q_information"), "nobody answered it");
    assertEquals(100.0, p1.<Double>getAs("rate_q_access"), 1e-9);
    assertEquals(100.0 * (15 - 3) / 28, p1.<Double>getAs("nps"), 1e-9);
    Row p2 = results.get("P2");
    assertEquals(29L, (long) p2.getAs("responses"));
    assertEquals("INSUFFICIENT", p2.getAs("status"));
    assertNull(p2.getAs("rate_q_overall"));
    assertNull(p2.getAs("nps"));
    assertEquals(2, results.size(), "X9 is not a participant");
  }

  @Test
  void npsEdges() {
    List<Row> rows = new ArrayList<>();
    for (int recommend : new int[] {6, 7, 8, 9}) {
      rows.add(response("P1", "75056", "ADMINISTRATION", "<1M", 4, recommend));
    }
    EditionConfig one = withMinResponses(1);
    Row p1 =
        byStructure(
                SurveyResults.perStructure(
                    SPARK.createDataFrame(rows, Schemas.SURVEY_RESPONSES), participating(), one))
            .get("P1");
    // 9 promotes, 6 detracts, 7 and 8 are passive: (1 - 1) / 4.
    assertEquals(0.0, p1.<Double>getAs("nps"), 1e-9);
    rows.add(response("P1", "75056", "ADMINISTRATION", "<1M", 4, 10));
    p1 =
        byStructure(
                SurveyResults.perStructure(
                    SPARK.createDataFrame(rows, Schemas.SURVEY_RESPONSES), participating(), one))
            .get("P1");
    assertEquals(100.0 * (2 - 1) / 5, p1.<Double>getAs("nps"), 1e-9);
  }

  private static Dataset<Row> communes() {
    StructType schema =
        new StructType()
            .add("edition", DataTypes.IntegerType)
            .add("insee_code", DataTypes.StringType)
            .add("department_code", DataTypes.StringType)
            .add("region_code", DataTypes.StringType);
    return SPARK.createDataFrame(
        List.of(
            RowFactory.create(2017, "75056", "75", "11"),
            RowFactory.create(2017, "35238", "35", "53"),
            RowFactory.create(2017, "35047", "35", "53"),
            RowFactory.create(2017, "29019", "29", "53")),
        schema);
  }

  @Test
  void everyResponseCountsForItsTerritory() {
    Map<String, Row> territories =
        SurveyResults.perTerritory(responses(), communes(), EditionConfig.defaults())
            .collectAsList()
            .stream()
            .collect(
                Collectors.toMap(r -> r.getAs("insee_code") + "/" + r.getAs("category"), r -> r));
    // Paris town halls: P1's 30 eligible + P2's 29.
    assertEquals(59L, (long) territories.get("75056/ADMINISTRATION").getAs("responses"));
    assertEquals("PUBLISHED", territories.get("75056/ADMINISTRATION").getAs("status"));
    // X9's and the anonymous one count for their territory only.
    Row rennesPost = territories.get("35238/POSTAL");
    assertEquals(2L, (long) rennesPost.getAs("responses"));
    assertEquals("INSUFFICIENT", rennesPost.getAs("status"));
  }

  @Test
  void perceptionBesideTheDepartmentAndTheRegion() {
    List<Row> rows = new ArrayList<>();
    // Postal services: 10 answers in Rennes (35238), 25 elsewhere in Ille-et-Vilaine (35047),
    // 20 in Finistère (29019), all in Brittany (53). q_overall: Rennes 10 x 4; 35047 20 x 4 and
    // 5 x 1; 29019 20 x 2.
    for (int i = 0; i < 10; i++) {
      rows.add(response(null, "35238", "POSTAL", "<1M", 4, 8));
    }
    for (int i = 0; i < 25; i++) {
      rows.add(response(null, "35047", "POSTAL", "<1M", i < 20 ? 4 : 1, 8));
    }
    for (int i = 0; i < 20; i++) {
      rows.add(response(null, "29019", "POSTAL", "1-3M", 2, 8));
    }
    Map<String, Row> territories =
        SurveyResults.perTerritory(
                SPARK.createDataFrame(rows, Schemas.SURVEY_RESPONSES),
                communes(),
                EditionConfig.defaults())
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> r.getAs("insee_code"), r -> r));
    Row rennes = territories.get("35238");
    assertEquals("INSUFFICIENT", rennes.getAs("status"), "10 < 30 in the commune");
    // Department 35: 35 responses, 30 satisfied.
    assertEquals(35L, (long) rennes.getAs("department_responses"));
    assertEquals(100.0 * 30 / 35, rennes.<Double>getAs("department_satisfaction_overall"), 1e-9);
    // Region 53: 55 responses, 30 satisfied.
    assertEquals(55L, (long) rennes.getAs("region_responses"));
    assertEquals(100.0 * 30 / 55, rennes.<Double>getAs("region_satisfaction_overall"), 1e-9);
    // Department 29 holds 20 responses only: below the threshold.
    assertNull(territories.get("29019").getAs("department_satisfaction_overall"));
  }

  @Test
  void nationalScopesFollowKAnonymity() {
    Map<String, Row> cells =
        SurveyNational.cells(responses(), participating(), TestConfigs.withK(2))
            .collectAsList()
            .stream()
            .collect(
                Collectors.toMap(r -> r.getAs("scope") + "/" + r.getAs("scope_value"), r -> r));
    Row national = cells.get("NATIONAL/FRANCE");
    assertEquals(2L, (long) national.getAs("n_structures"));
    assertEquals(59L, (long) national.getAs("responses"));
    // q_overall: P1 24 of 27, P2 29 of 29.
    assertEquals(100.0 * 53 / 56, national.<Double>getAs("satisfaction_overall"), 1e-9);
    Map<String, Row> strict =
        SurveyNational.cells(responses(), participating(), TestConfigs.withK(3))
            .collectAsList()
            .stream()
            .collect(
                Collectors.toMap(r -> r.getAs("scope") + "/" + r.getAs("scope_value"), r -> r));
    assertEquals(true, strict.get("NATIONAL/FRANCE").getAs("suppressed"));
    assertNull(strict.get("NATIONAL/FRANCE").getAs("satisfaction_overall"));
  }

  @Test
  void participationAndConsultationTrophy() {
    List<Row> rows = new ArrayList<>(responses().collectAsList());
    for (int i = 0; i < 60; i++) {
      rows.add(response("P3", "35238", "POSTAL", "<1M", 4, 10));
    }
    Dataset<Row> results =
        SurveyResults.perStructure(
            SPARK.createDataFrame(rows, Schemas.SURVEY_RESPONSES),
            participating(),
            EditionConfig.defaults());
    Dataset<Row> participation = Participation.participation(results, participating());
    Map<String, Row> p = byStructure(participation);
    // 30 / 10,000 and 60 / 20,000 inhabitants: 3 per 1,000 each; 29 / 2,000: 14.5.
    assertEquals(3.0, p.get("P1").<Double>getAs("per_1000"), 1e-9);
    assertEquals(14.5, p.get("P2").<Double>getAs("per_1000"), 1e-9);
    assertEquals(1, (int) p.get("P2").getAs("rank"));
    assertEquals(2, (int) p.get("P1").getAs("rank"));
    assertEquals(2, (int) p.get("P3").getAs("rank"));
    // P2 has fewer than 30 responses; P1 and P3 tie at 3.0; P3 has more responses.
    Row trophy =
        Participation.consultationCitoyenne(participation, EditionConfig.defaults()).first();
    assertEquals("P3", trophy.getAs("structure_id"));
    assertEquals("CONSULTATION_CITOYENNE", trophy.getAs("trophy"));
  }

  @Test
  void correlationOfProducedAndPerceivedQuality() {
    StructType scores =
        new StructType()
            .add("edition", DataTypes.IntegerType)
            .add("structure_id", DataTypes.StringType)
            .add("barometer_score", DataTypes.DoubleType);
    StructType survey =
        new StructType()
            .add("edition", DataTypes.IntegerType)
            .add("structure_id", DataTypes.StringType)
            .add("status", DataTypes.StringType)
            .add("satisfaction_overall", DataTypes.DoubleType);
    Dataset<Row> produced =
        SPARK.createDataFrame(
            List.of(
                RowFactory.create(2017, "A", 60.0),
                RowFactory.create(2017, "B", 70.0),
                RowFactory.create(2017, "C", 80.0),
                RowFactory.create(2017, "D", 90.0),
                RowFactory.create(2017, "E", 75.0)),
            scores);
    Dataset<Row> perceived =
        SPARK.createDataFrame(
            List.of(
                RowFactory.create(2017, "A", "PUBLISHED", 50.0),
                RowFactory.create(2017, "B", "PUBLISHED", 70.0),
                RowFactory.create(2017, "C", "PUBLISHED", 60.0),
                RowFactory.create(2017, "D", "PUBLISHED", 90.0),
                RowFactory.create(2017, "E", "INSUFFICIENT", null)),
            survey);
    Dataset<Row> both = PerceivedVsProduced.perStructure(produced, perceived);
    Map<String, Row> rows = byStructure(both);
    assertEquals(4, rows.size());
    assertEquals(-20.0, rows.get("C").<Double>getAs("gap"), 1e-9);
    assertEquals(100.0 * 2 / 3, rows.get("C").<Double>getAs("percentile_produced"), 1e-9);
    assertEquals(100.0 / 3, rows.get("C").<Double>getAs("percentile_perceived"), 1e-9);
    Row national = PerceivedVsProduced.correlation(both).first();
    assertEquals(4L, (long) national.getAs("n_structures"));
    // Deviations x: -15, -5, 5, 15; y: -17.5, 2.5, -7.5, 22.5. Sxy 550, Sxx 500, Syy 875.
    assertEquals(550 / Math.sqrt(500.0 * 875.0), national.<Double>getAs("pearson"), 1e-9);
    // Ranks 1 2 3 4 against 1 3 2 4: 1 - 6 x 2 / (4 x 15) = 0.8.
    assertEquals(0.8, national.<Double>getAs("spearman"), 1e-9);
  }

  private static EditionConfig withMinResponses(int min) {
    EditionConfig c = EditionConfig.defaults();
    return new EditionConfig(
        c.edition(),
        c.registrationClose(),
        c.windows(),
        c.quotas(),
        c.channelWeights(),
        c.minCommunePopulation(),
        c.minEpciPopulation(),
        c.strata(),
        c.kAnonymity(),
        min,
        c.prices(),
        c.vatRate());
  }
}
