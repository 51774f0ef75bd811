package fr.barometer.common.report;

import static fr.barometer.common.report.ReportsFixture.ALPHA;
import static fr.barometer.common.report.ReportsFixture.BETA;
import static fr.barometer.common.report.ReportsFixture.GAMMA;
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
    standard = byStructure(ReportsFixture.standard(t));
  }

  private static Map<String, Row> byStructure(Dataset<Row> rows) {
    return rows.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("structure_id"), r -> r));
  }

  @Test
  void onePersonalizedRowPerPersonalizedStructure() {
    assertEquals(Map.of(ALPHA, 1, BETA, 1).keySet(), personalized.keySet());
    assertEquals(List.of(ALPHA, BETA, GAMMA), standard.keySet().stream().sorted().toList());
  }

  @Test
  void strengthsAreTheThreeCriteriaFurthestAboveThePeerMean() {
    // Peer mean 70 on every criterion: Alpha's gaps C01 +20, C02 +10, C04 +5, C08 +2 (fourth: out).
    assertEquals(
        List.of("C01 90.0 70.0 20.0", "C02 80.0 70.0 10.0", "C04 75.0 70.0 5.0"),
        highlights(personalized.get(ALPHA), "strengths"));
  }

  @Test
  void pointsOfProgressAreTheThreeFurthestBelow() {
    assertEquals(
        List.of("C03 50.0 70.0 -20.0", "C05 60.0 70.0 -10.0", "C07 65.0 70.0 -5.0"),
        highlights(personalized.get(ALPHA), "points_of_progress"));
  }

  @Test
  void aCriterionOnTheMeanIsNeitherAndFewerThanThreeAreListed() {
    assertEquals(List.of("C03 80.0 70.0 10.0"), highlights(personalized.get(BETA), "strengths"));
    assertEquals(
        List.of("C01 60.0 70.0 -10.0"), highlights(personalized.get(BETA), "points_of_progress"));
  }

  @Test
  void highlightsCarryTheCriterionLabel() {
    Row first =
        personalized
            .get(ALPHA)
            .<Row>getList(fieldIndex(personalized.get(ALPHA), "strengths"))
            .get(0);
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
    assertEquals(
        List.of("Agent très aimable, réponse précise."),
        field(personalized.get(ALPHA), "comments", "comment"));
    assertEquals(
        List.of("Demande d'acte d'état civil"),
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
    assertTrue(
        measures.contains("OVERALL") && measures.contains("CRITERION:C08"), measures.toString());
  }

  @Test
  void standardResultsHoldTheScoreRemoteChannelsAndPosition() {
    Row gamma = standard.get(GAMMA);
    assertEquals(61.5, (double) gamma.getAs("barometer_score"));
    Row overall = position(gamma, "OVERALL");
    assertEquals("61.5 PEER_GROUP S2 3/3 0.0 q4 gap -6.5", comparison(overall));
    assertEquals(
        List.of("CHANNEL:EMAIL", "CHANNEL:PHONE", "OVERALL"),
        field(gamma, "positioning", "measure"));
    // Alpha bought the visit: it is not a remote channel.
    assertFalse(field(standard.get(ALPHA), "positioning", "measure").contains("CHANNEL:VISIT"));
  }

  /**
   * OVERALL 74.5 / 68.0 / 61.5 in the published S2 cell (mean 68). k = 2: region 53 (Alpha, Beta)
   * may be shown, region 52 (Gamma alone) and every department (one structure each) may not.
   */
  @Test
  void positionsAreInThePublishedPeerGroupAndTheTerritoriesOfAtLeastK() {
    assertEquals(
        "74.5 PEER_GROUP S2 1/3 100.0 q1 gap 6.5",
        comparison(position(personalized.get(ALPHA), "OVERALL")));
    assertEquals(
        "74.5 region 1/2 100.0 department null/1 null",
        territoryPosition(position(personalized.get(ALPHA), "OVERALL")));
    assertEquals(
        "68.0 region 2/2 0.0 department null/1 null",
        territoryPosition(position(personalized.get(BETA), "OVERALL")));
    assertEquals(
        "61.5 region null/1 null department null/1 null",
        territoryPosition(position(standard.get(GAMMA), "OVERALL")));
    // Per channel: EMAIL 70 / 71 / 72 reverses the order: Alpha is last of its peers and region.
    assertEquals(
        "70.0 PEER_GROUP S2 3/3 0.0 q4 gap 2.0",
        comparison(position(personalized.get(ALPHA), "CHANNEL:EMAIL")));
  }

  @Test
  void aMeasureWithoutAPublishedGroupHasNoRankPercentileQuartileNorGap() {
    // Alpha alone bought the visit: no cell of any scope is published for it.
    Row visit = position(personalized.get(ALPHA), "CHANNEL:VISIT");
    assertEquals("88.0 null null null/null null qnull gap null", comparison(visit));
    assertEquals(1L, (long) visit.getAs("peer_group_size"));
    assertFalse((boolean) visit.getAs("peer_group_published"));
    assertNull(visit.getAs("group_median"));
    assertNull(visit.getAs("percentile_national"));
  }

  @Test
  void anUnpublishedPeerGroupFallsBackOnTheCategoryThenTheNation() {
    Map<String, Dataset<Row>> t = ReportsFixture.tables();
    // S2's OVERALL cell suppressed (as secondary suppression may): OVERALL goes to the category.
    t.put(
        Tables.BAROMETER_NATIONAL,
        t.get(Tables.BAROMETER_NATIONAL)
            .selectExpr(
                "edition",
                "scope",
                "scope_value",
                "measure",
                "n_structures",
                "suppressed OR (scope = 'STRATUM' AND measure IN ('OVERALL', 'CHANNEL:EMAIL')) AS"
                    + " suppressed",
                "mean",
                "p25",
                "median",
                "p75",
                "compliance"));
    Map<String, Row> reports = byStructure(ReportsFixture.standard(t));
    assertEquals(
        "74.5 CATEGORY ADMINISTRATION 1/3 100.0 q1 gap 6.5",
        comparison(position(reports.get(ALPHA), "OVERALL")));
    // EMAIL: no CATEGORY cell either, the national one is published.
    assertEquals(
        "70.0 NATIONAL FRANCE 3/3 0.0 q4 gap 2.0",
        comparison(position(reports.get(ALPHA), "CHANNEL:EMAIL")));
  }

  @Test
  void surveyShowsOneTerritorysPerceptionTheNarrowestAnonymousOne() {
    // Alpha: department 35 names 2 structures (= k) but has 20 responses (< 30): not shown; region
    // 53: 3 structures, 60 responses, 42 satisfied = 70.0, shown; the category's national figure
    // is then withheld, or its difference with the region could be read.
    Row alpha = personalized.get(ALPHA).getAs("survey");
    assertEquals("20 2 TOO_FEW_RESPONSES null", territory(alpha, "department"));
    assertEquals("60 3 null 70.0", territory(alpha, "region"));
    assertEquals("42 2 NARROWER_SHOWN null", territory(alpha, "category"));
    // Beta: department 22's 40 ADMINISTRATION responses all name Beta: its 75.0 would be Beta's
    // own figure, so it is withheld even though it passes the response threshold.
    Row beta = personalized.get(BETA).getAs("survey");
    assertEquals("40 1 TOO_FEW_STRUCTURES null", territory(beta, "department"));
    assertEquals("60 3 null 70.0", territory(beta, "region"));
  }

  @Test
  void withoutAnAnonymousTerritoryTheCategorysNationalFigureIsShown() {
    Dataset<Row> noTerritory = Reports.personalized(withoutTerritorySurvey());
    Row survey = noTerritory.where("structure_id = '" + BETA + "'").first().getAs("survey");
    assertEquals("0 0 TOO_FEW_STRUCTURES null", territory(survey, "department"));
    assertEquals("0 0 TOO_FEW_STRUCTURES null", territory(survey, "region"));
    assertEquals("42 2 null 74.0", territory(survey, "category"));
  }

  private static String territory(Row survey, String level) {
    Row t = survey.getAs(level);
    return t.getAs("responses")
        + " "
        + t.getAs("structures")
        + " "
        + t.getAs("withheld")
        + " "
        + t.getAs("satisfaction_overall");
  }

  private static String comparison(Row m) {
    return m.getAs("value")
        + " "
        + m.getAs("comparison")
        + " "
        + m.getAs("comparison_group")
        + " "
        + m.getAs("rank")
        + "/"
        + m.getAs("comparison_size")
        + " "
        + m.getAs("percentile")
        + " q"
        + m.getAs("quartile")
        + " gap "
        + m.getAs("gap_to_group_mean");
  }

  private static Row position(Row report, String measure) {
    return report.<Row>getList(fieldIndex(report, "positioning")).stream()
        .filter(m -> measure.equals(m.getAs("measure")))
        .findFirst()
        .orElseThrow();
  }

  /** The figure, then rank / size and percentile in the region and the department. */
  private static String territoryPosition(Row m) {
    return m.getAs("value")
        + " region "
        + m.getAs("rank_region")
        + "/"
        + m.getAs("region_size")
        + " "
        + m.getAs("percentile_region")
        + " department "
        + m.getAs("rank_department")
        + "/"
        + m.getAs("department_size")
        + " "
        + m.getAs("percentile_department");
  }

  @Test
  void assembleLeftJoinsEveryPieceOnTheBaseRows() {
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> base =
        spark.sql(
            "SELECT * FROM VALUES (2017, 'A', 'a'), (2017, 'B', 'b')"
                + " AS t(edition, structure_id, name)");
    Dataset<Row> scores =
        spark.sql(
            "SELECT * FROM VALUES (2017, 'A', 80.0), (2017, 'Z', 10.0)"
                + " AS t(edition, structure_id, score)");
    Dataset<Row> lists =
        spark.sql(
            "SELECT * FROM VALUES (2017, 'B', array('x', 'y')), (2018, 'A', array('z'))"
                + " AS t(edition, structure_id, tags)");
    // Z (no base row) and edition 2018's A are left out; a structure without a piece's row gets
    // nulls.
    assertEquals(
        List.of("2017 A a 80.0 null", "2017 B b null [x, y]"),
        Reports.assemble(base, scores, lists).orderBy("structure_id").collectAsList().stream()
            .map(
                r ->
                    r.getAs("edition")
                        + " "
                        + r.getAs("structure_id")
                        + " "
                        + r.getAs("name")
                        + " "
                        + r.getAs("score")
                        + " "
                        + (r.isNullAt(r.fieldIndex("tags"))
                            ? null
                            : r.getList(r.fieldIndex("tags"))))
            .toList());
  }

  private static Reports.Inputs withoutTerritorySurvey() {
    Reports.Inputs in = ReportsFixture.inputs(ReportsFixture.tables());
    return withSurvey(in, in.surveyResults(), in.surveyTerritory().limit(0));
  }

  private static Reports.Inputs withoutSurvey() {
    Reports.Inputs in = ReportsFixture.inputs(ReportsFixture.tables());
    return withSurvey(in, in.surveyResults().limit(0), in.surveyTerritory());
  }

  /** The fixture's inputs with other survey results per structure and per territory. */
  private static Reports.Inputs withSurvey(
      Reports.Inputs in, Dataset<Row> results, Dataset<Row> territory) {
    return new Reports.Inputs(
        in.eligibility(),
        in.structures(),
        in.sites(),
        in.structureScores(),
        in.siteScores(),
        in.channelScores(),
        in.stepScores(),
        in.criterionScores(),
        in.itemScores(),
        in.criteria(),
        in.items(),
        in.scenarios(),
        in.audits(),
        in.positions(),
        results,
        territory,
        in.surveyNational(),
        in.communes(),
        in.kAnonymity());
  }

  private static List<String> highlights(Row report, String column) {
    return report.<Row>getList(fieldIndex(report, column)).stream()
        .map(
            r ->
                r.getAs("criterion")
                    + " "
                    + r.getAs("value")
                    + " "
                    + r.getAs("group_mean")
                    + " "
                    + r.getAs("gap"))
        .toList();
  }

  private static <T> List<T> field(Row report, String array, String field) {
    return report.<Row>getList(fieldIndex(report, array)).stream()
        .map(r -> r.<T>getAs(field))
        .toList();
  }

  private static int fieldIndex(Row row, String name) {
    return row.fieldIndex(name);
  }
}
