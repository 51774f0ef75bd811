package fr.barometer.common.transform;

import static fr.barometer.common.transform.ReportsFixture.ALPHA;
import static fr.barometer.common.transform.ReportsFixture.BETA;
import static fr.barometer.common.transform.ReportsFixture.GAMMA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.io.Tables;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report datasets on the hand-built edition of {@link ReportsFixture}. */
class ReportsTest {
  private static Map<String, Row> personalized;
  private static Map<String, Row> standard;

  @BeforeAll
  static void build() {
    Map<String, Dataset<Row>> t = ReportsFixture.tables();
    personalized = byStructure(Reports.personalized(ReportsFixture.inputs(t)));
    standard = byStructure(Reports.standard(t.get(Tables.STRUCTURES), t.get(Tables.STRUCTURE_SCORES),
        t.get(Tables.POSITIONING), t.get(Tables.BAROMETER_NATIONAL), t.get(Tables.ELIGIBILITY),
        t.get(Tables.COMMUNES)));
  }

  private static Map<String, Row> byStructure(Dataset<Row> rows) {
    return rows.collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("structure_id"), r -> r));
  }

  @Test
  void onePersonalizedRowPerPersonalizedStructure() {
    assertEquals(Map.of(ALPHA, 1, BETA, 1).keySet(), personalized.keySet());
    assertEquals(List.of(ALPHA, BETA, GAMMA), standard.keySet().stream().sorted().toList());
  }

  @Test
  void strengthsAreTheThreeCriteriaFurthestAboveThePeerMean() {
    // Peer mean 70 on every criterion: Alpha's gaps C01 +20, C02 +10, C04 +5, C08 +2 (fourth: out).
    assertEquals(List.of("C01 90.0 70.0 20.0", "C02 80.0 70.0 10.0", "C04 75.0 70.0 5.0"),
        highlights(personalized.get(ALPHA), "strengths"));
  }

  @Test
  void pointsOfProgressAreTheThreeFurthestBelow() {
    assertEquals(List.of("C03 50.0 70.0 -20.0", "C05 60.0 70.0 -10.0", "C07 65.0 70.0 -5.0"),
        highlights(personalized.get(ALPHA), "points_of_progress"));
  }

  @Test
  void aCriterionOnTheMeanIsNeitherAndFewerThanThreeAreListed() {
    assertEquals(List.of("C03 80.0 70.0 10.0"), highlights(personalized.get(BETA), "strengths"));
    assertEquals(List.of("C01 60.0 70.0 -10.0"), highlights(personalized.get(BETA), "points_of_progress"));
  }

  @Test
  void highlightsCarryTheCriterionLabel() {
    Row first = personalized.get(ALPHA).<Row>getList(fieldIndex(personalized.get(ALPHA), "strengths")).get(0);
    assertEquals("Critère 1", first.getAs("label"));
  }

  @Test
  void channelsIncludeTheBoughtVisitAndCriteriaNestTheirItems() {
    Row alpha = personalized.get(ALPHA);
    assertEquals(List.of("EMAIL", "PHONE", "VISIT"), field(alpha, "channels", "channel"));
    assertEquals(List.of("ACCES", "TRAITEMENT"), field(alpha, "steps", "step"));
    Row c01 = alpha.<Row>getList(fieldIndex(alpha, "criteria")).get(0);
    assertEquals("C01", c01.getAs("criterion"));
    List<Row> items = c01.getList(c01.fieldIndex("items"));
    assertEquals("EM01", items.get(0).getAs("item_id"));
    assertEquals("Adresse électronique facile à trouver", items.get(0).getAs("label"));
    assertEquals(List.of("SITE-ALPHA-1", "SITE-ALPHA-2"), field(alpha, "sites", "site_id"));
  }

  @Test
  void commentsAreTheStructuresOwnNonBlankOnes() {
    assertEquals(List.of("Agent très aimable, réponse précise."), field(personalized.get(ALPHA), "comments", "comment"));
    assertEquals(List.of("Demande d'acte d'état civil"),
        field(personalized.get(ALPHA), "comments", "scenario_label"));
  }

  @Test
  void surveyStatusSaysInsufficientOrPublished() {
    Row alpha = personalized.get(ALPHA).getAs("survey");
    assertEquals("INSUFFICIENT", alpha.getAs("status"));
    assertNull(alpha.getAs("satisfaction_overall"));
    Row beta = personalized.get(BETA).getAs("survey");
    assertEquals("PUBLISHED", beta.getAs("status"));
    assertEquals(75.0, (double) beta.getAs("satisfaction_overall"));
  }

  @Test
  void structuresWithoutResponsesSayNoResponses() {
    Dataset<Row> noSurvey = Reports.personalized(withoutSurvey());
    Row survey = noSurvey.where("structure_id = '" + ALPHA + "'").first().getAs("survey");
    assertEquals(Reports.NO_RESPONSES, survey.getAs("status"));
    assertEquals(0L, (long) survey.getAs("responses"));
  }

  @Test
  void performanceAndPositioningAreTheStructuresOwn() {
    Row performance = personalized.get(ALPHA).getAs("performance");
    assertEquals(74.5, (double) performance.getAs("barometer_score"));
    assertEquals(2L, (long) performance.getAs("n_sites"));
    List<String> measures = field(personalized.get(ALPHA), "positioning", "measure");
    assertTrue(measures.contains("OVERALL") && measures.contains("CRITERION:C08"), measures.toString());
  }

  @Test
  void standardResultsHoldTheScoreRemoteChannelsAndPosition() {
    Row gamma = standard.get(GAMMA);
    assertEquals(61.5, (double) gamma.getAs("barometer_score"));
    assertEquals(3, (int) gamma.getAs("rank"));
    assertEquals(3L, (long) gamma.getAs("peer_group_size"));
    assertEquals(4, (int) gamma.getAs("quartile"));
    assertEquals(List.of("EMAIL", "PHONE"), field(gamma, "remote_channels", "channel"));
    // Alpha bought the visit: it is not a remote channel.
    assertFalse(field(standard.get(ALPHA), "remote_channels", "channel").contains("VISIT"));
  }

  @Test
  void peerGroupDistributionIsThePublishedCellsOfThePeerGroupOnly() {
    Row alpha = personalized.get(ALPHA);
    assertEquals(List.of("CHANNEL:EMAIL", "CHANNEL:PHONE", "OVERALL"),
        field(alpha, "peer_group_distribution", "measure"));
  }

  @Test
  void theTerritoryIsTheMainSitesRegionAndDepartmentWithTheirNames() {
    Row alpha = personalized.get(ALPHA).getAs("territory");
    assertEquals(List.of("53", "Bretagne", "35", "Ille-et-Vilaine"), List.of(alpha.getAs("region_code"),
        alpha.getAs("region_name"), alpha.getAs("department_code"), alpha.getAs("department_name")));
    Row gamma = standard.get(GAMMA);
    assertEquals(List.of("52", "Pays de la Loire", "44", "Loire-Atlantique"), List.of(gamma.getAs("region_code"),
        gamma.getAs("region_name"), gamma.getAs("department_code"), gamma.getAs("department_name")));
  }

  /**
   * OVERALL 74.5 / 68.0 / 61.5. Peer group S2 holds all three; region 53 holds Alpha and Beta;
   * every department holds one structure. Rank 1 = best; percentile = 100 x (structures below) /
   * (size - 1), 0 for a group of one.
   */
  @Test
  void personalizedPositioningCarriesRankSizeAndPercentileInRegionAndDepartment() {
    // Alpha: peer 1 / 3 (100), region 1 / 2 (100), department 1 / 1 (0).
    assertEquals("74.5 peer 1/3 100.0 region 1/2 100.0 department 1/1 0.0",
        territoryPosition(position(ALPHA, "OVERALL")));
    // Beta: peer 2 / 3 (50), region 2 / 2 (0), department 1 / 1 (0).
    assertEquals("68.0 peer 2/3 50.0 region 2/2 0.0 department 1/1 0.0",
        territoryPosition(position(BETA, "OVERALL")));
    // Per channel: EMAIL 70 / 71 / 72 reverses the order: Alpha is last of its peers and region.
    assertEquals("70.0 peer 3/3 0.0 region 2/2 0.0 department 1/1 0.0",
        territoryPosition(position(ALPHA, "CHANNEL:EMAIL")));
    assertEquals("71.0 peer 2/3 50.0 region 1/2 100.0 department 1/1 0.0",
        territoryPosition(position(BETA, "CHANNEL:EMAIL")));
    // Alpha alone bought the visit: alone everywhere.
    assertEquals("88.0 peer 1/1 0.0 region 1/1 0.0 department 1/1 0.0",
        territoryPosition(position(ALPHA, "CHANNEL:VISIT")));
  }

  @Test
  void standardResultsCarryTheOverallAndRemoteChannelPositionOnTheTerritory() {
    // Gamma (61.5), alone in region 52 and department 44, last of its three peers.
    assertEquals("61.5 peer 3/3 0.0 region 1/1 0.0 department 1/1 0.0", territoryPosition(standard.get(GAMMA),
        "barometer_score"));
    assertEquals("74.5 peer 1/3 100.0 region 1/2 100.0 department 1/1 0.0", territoryPosition(standard.get(ALPHA),
        "barometer_score"));
    // PHONE 80 / 79 / 78: Beta second of three peers, second of two in region 53.
    Row phone = standard.get(BETA).<Row>getList(fieldIndex(standard.get(BETA), "remote_channels")).stream()
        .filter(c -> "PHONE".equals(c.getAs("channel"))).findFirst().orElseThrow();
    assertEquals("79.0 peer 2/3 50.0 region 2/2 0.0 department 1/1 0.0", territoryPosition(phone, "score"));
    assertEquals(50.0, (double) phone.getAs("percentile_national"));
  }

  @Test
  void surveyShowsTheDepartmentsAndRegionsPerceptionOfTheSameCategory() {
    // Alpha: department 35 has 20 responses (< 30): suppressed in the table, suppressed here;
    // region 53: 60 responses, 42 satisfied = 70.0.
    Row alpha = personalized.get(ALPHA).getAs("survey");
    assertEquals(20L, (long) alpha.getAs("department_responses"));
    assertNull(alpha.getAs("department_satisfaction_overall"));
    assertEquals(60L, (long) alpha.getAs("region_responses"));
    assertEquals(70.0, (double) alpha.getAs("region_satisfaction_overall"));
    // Beta: department 22, ADMINISTRATION only: 30 satisfied of 40 = 75.0, not the POSTAL 90.0.
    Row beta = personalized.get(BETA).getAs("survey");
    assertEquals(40L, (long) beta.getAs("department_responses"));
    assertEquals(75.0, (double) beta.getAs("department_satisfaction_overall"));
    assertEquals(70.0, (double) beta.getAs("region_satisfaction_overall"));
  }

  @Test
  void aTerritoryWithoutResponsesHasNoneAndNoRate() {
    Dataset<Row> noTerritory = Reports.personalized(withoutTerritorySurvey());
    Row survey = noTerritory.where("structure_id = '" + BETA + "'").first().getAs("survey");
    assertEquals(0L, (long) survey.getAs("department_responses"));
    assertNull(survey.getAs("department_satisfaction_overall"));
    assertEquals(0L, (long) survey.getAs("region_responses"));
    assertNull(survey.getAs("region_satisfaction_overall"));
  }

  private static Row position(String structure, String measure) {
    Row report = personalized.get(structure);
    return report.<Row>getList(fieldIndex(report, "positioning")).stream()
        .filter(m -> measure.equals(m.getAs("measure"))).findFirst().orElseThrow();
  }

  private static String territoryPosition(Row m) {
    return territoryPosition(m, "value");
  }

  /** The figure, then rank / size and percentile in the peer group, the region and the department. */
  private static String territoryPosition(Row m, String figure) {
    return m.getAs(figure) + " peer " + m.getAs("rank") + "/" + m.getAs("peer_group_size") + " "
        + m.getAs("percentile_peer") + " region " + m.getAs("rank_region") + "/" + m.getAs("region_size") + " "
        + m.getAs("percentile_region") + " department " + m.getAs("rank_department") + "/"
        + m.getAs("department_size") + " " + m.getAs("percentile_department");
  }

  @Test
  void assembleLeftJoinsEveryPieceOnTheBaseRows() {
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> base = spark.sql("SELECT * FROM VALUES (2017, 'A', 'a'), (2017, 'B', 'b')"
        + " AS t(edition, structure_id, name)");
    Dataset<Row> scores = spark.sql("SELECT * FROM VALUES (2017, 'A', 80.0), (2017, 'Z', 10.0)"
        + " AS t(edition, structure_id, score)");
    Dataset<Row> lists = spark.sql("SELECT * FROM VALUES (2017, 'B', array('x', 'y')), (2018, 'A', array('z'))"
        + " AS t(edition, structure_id, tags)");
    // Z (no base row) and edition 2018's A are left out; a structure without a piece's row gets nulls.
    assertEquals(List.of("2017 A a 80.0 null", "2017 B b null [x, y]"),
        Reports.assemble(base, scores, lists).orderBy("structure_id").collectAsList().stream()
            .map(r -> r.getAs("edition") + " " + r.getAs("structure_id") + " " + r.getAs("name") + " "
                + r.getAs("score") + " " + (r.isNullAt(r.fieldIndex("tags")) ? null : r.getList(r.fieldIndex("tags"))))
            .toList());
  }

  private static Reports.Inputs withoutTerritorySurvey() {
    Reports.Inputs in = ReportsFixture.inputs(ReportsFixture.tables());
    return new Reports.Inputs(in.eligibility(), in.structures(), in.sites(), in.structureScores(), in.siteScores(),
        in.channelScores(), in.stepScores(), in.criterionScores(), in.itemScores(), in.criteria(), in.items(),
        in.scenarios(), in.audits(), in.positioning(), in.surveyResults(), in.surveyTerritory().limit(0),
        in.national(), in.communes());
  }

  private static Reports.Inputs withoutSurvey() {
    Reports.Inputs in = ReportsFixture.inputs(ReportsFixture.tables());
    return new Reports.Inputs(in.eligibility(), in.structures(), in.sites(), in.structureScores(), in.siteScores(),
        in.channelScores(), in.stepScores(), in.criterionScores(), in.itemScores(), in.criteria(), in.items(),
        in.scenarios(), in.audits(), in.positioning(), in.surveyResults().limit(0), in.surveyTerritory(),
        in.national(), in.communes());
  }

  private static List<String> highlights(Row report, String column) {
    return report.<Row>getList(fieldIndex(report, column)).stream()
        .map(r -> r.getAs("criterion") + " " + r.getAs("value") + " " + r.getAs("peer_mean") + " " + r.getAs("gap"))
        .toList();
  }

  private static <T> List<T> field(Row report, String array, String field) {
    return report.<Row>getList(fieldIndex(report, array)).stream().map(r -> r.<T>getAs(field)).toList();
  }

  private static int fieldIndex(Row row, String name) {
    return row.fieldIndex(name);
  }
}
