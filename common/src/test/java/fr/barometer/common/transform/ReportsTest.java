package fr.barometer.common.transform;

import static fr.barometer.common.transform.ReportsFixture.ALPHA;
import static fr.barometer.common.transform.ReportsFixture.BETA;
import static fr.barometer.common.transform.ReportsFixture.GAMMA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.io.Tables;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
        t.get(Tables.POSITIONING), t.get(Tables.BAROMETER_NATIONAL)));
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

  private static Reports.Inputs withoutSurvey() {
    Reports.Inputs in = ReportsFixture.inputs(ReportsFixture.tables());
    return new Reports.Inputs(in.eligibility(), in.structures(), in.sites(), in.structureScores(), in.siteScores(),
        in.channelScores(), in.stepScores(), in.criterionScores(), in.itemScores(), in.criteria(), in.items(),
        in.scenarios(), in.audits(), in.positioning(), in.surveyResults().limit(0), in.national());
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
