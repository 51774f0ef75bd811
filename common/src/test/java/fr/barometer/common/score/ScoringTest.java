package fr.barometer.common.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.domain.Channel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scores {@link ScoringFixture}'s edition and checks every figure against hand arithmetic. */
class ScoringTest {
  private static final double EPS = 1e-9;
  private static ScoringResult result;

  @BeforeAll
  static void score() {
    result = Scoring.score(ScoringFixture.inputs(ScoringFixture.config()), ScoringFixture.config());
  }

  // ---- answer_points -------------------------------------------------------------------------

  @Test
  void answeredEmail() {
    Map<String, Row> a1 = index(result.answerPoints().where("audit_id = 'A1'"), "item_id");
    assertAnswer(a1.get("E1"), "YES", null, 1.0, "TYPED");
    // Mon 4 -> Thu 7 Sep 2017: Tue 5, Wed 6, Thu 7 = 3 working days <= 5 -> 1; "12" is ignored.
    assertAnswer(a1.get("E2"), "12", 3, 1.0, "WORKING_DAYS");
    // SCALE 3 -> (3 - 1) / 3
    assertAnswer(a1.get("E3"), "3", null, 2.0 / 3, "TYPED");
    assertAnswer(a1.get("E4"), "NA", null, null, "NOT_APPLICABLE");
  }

  @Test
  void unansweredEmailScoresZeroOnProcessingWhateverWasTyped() {
    Map<String, Row> a2 = index(result.answerPoints().where("audit_id = 'A2'"), "item_id");
    assertAnswer(a2.get("E1"), "NO", null, 0.0, "TYPED"); // ACCES: the typed value stands
    assertAnswer(a2.get("E2"), null, null, 0.0, "NO_ANSWER");
    assertAnswer(a2.get("E3"), null, null, 0.0, "NO_ANSWER"); // missing included
    assertAnswer(a2.get("E4"), "YES", null, 0.0, "NO_ANSWER"); // typed YES, still 0
  }

  @Test
  void itemNeverAnsweredIsMissing() {
    Map<String, Row> a3 = index(result.answerPoints().where("audit_id = 'A3'"), "item_id");
    assertAnswer(a3.get("P1"), "6", null, 0.5, "TYPED"); // 5 < 6 rings <= 8
    assertAnswer(a3.get("P2"), null, null, null, "MISSING");
  }

  @Test
  void lateEmailScoresZeroOnDelay() {
    // Mon 4 -> Tue 19 Sep: 4 + 5 + 2 = 11 working days > 10 -> 0
    Row b1e2 = index(result.answerPoints().where("audit_id = 'B1'"), "item_id").get("E2");
    assertAnswer(b1e2, null, 11, 0.0, "WORKING_DAYS");
  }

  @Test
  void everyGridItemOfTheChannelHasOneRowPerKeptAudit() {
    // A1 4, A2 4, A3 2, B1 4, B2 2, B3 2, D1 2 (C1 ineligible, D2 out of perimeter)
    assertEquals(20, result.answerPoints().count());
    Row a1e1 = index(result.answerPoints().where("audit_id = 'A1'"), "item_id").get("E1");
    assertEquals("T1", a1e1.getAs("structure_id"));
    assertEquals("T1-M", a1e1.getAs("site_id"));
    assertEquals("EMAIL", a1e1.getAs("channel"));
    assertEquals("SC01", a1e1.getAs("scenario_id"));
    assertEquals("C1", a1e1.getAs("criterion"));
    assertEquals("ACCES", a1e1.getAs("step"));
    assertEquals(1.0, (Double) a1e1.getAs("weight"));
  }

  // ---- site figures --------------------------------------------------------------------------

  @Test
  void channelScoresUseItemWeights() {
    Map<String, Row> ch = index(result.siteChannelScores(), "site_id", "channel");
    // T1-M EMAIL, applicable (w x p): A1 E1 1x1, E2 2x1, E3 1x2/3;
    //                                 A2 E1 1x0, E2 2x0, E3 1x0, E4 1x0
    // sum w = 4 + 5 = 9, sum w.p = 11/3 -> 100 x 11/27; compliant: A1 E1, E2 -> 2 of 7
    assertFigures(ch.get("T1-M|EMAIL"), 1100.0 / 27, 200.0 / 7, 2, 7);
    // T1-M PHONE: P1 0.5 (w2) only -> 50; not compliant
    assertFigures(ch.get("T1-M|PHONE"), 50.0, 0.0, 1, 1);
    // T2-M EMAIL: E1 1, E2 0 (w2), E3 1, E4 1 -> 3 / 5 -> 60; 3 of 4 compliant
    assertFigures(ch.get("T2-M|EMAIL"), 60.0, 75.0, 1, 4);
    // T2-M VISIT: V1 1/3 (w2), V2 1 -> (2/3 + 1) / 3 = 5/9; 1 of 2
    assertFigures(ch.get("T2-M|VISIT"), 500.0 / 9, 50.0, 1, 2);
    // T2-A PHONE: P1 3 rings -> 1 (w2), P2 0 -> 2/3; 1 of 2
    assertFigures(ch.get("T2-A|PHONE"), 200.0 / 3, 50.0, 1, 2);
    assertEquals(6, ch.size()); // and T5-M PHONE, below
  }

  @Test
  void nullScoreWhereNothingApplies() {
    Map<String, Row> ch = index(result.siteChannelScores(), "site_id", "channel");
    // D1 answered NA twice: no applicable answer -> null, never 0
    assertFigures(ch.get("T5-M|PHONE"), null, null, 1, 0);
  }

  @Test
  void stepScoresPoolChannels() {
    Map<String, Row> st = index(result.siteStepScores(), "site_id", "step");
    // ACCES: A1 E1 1 (w1), A2 E1 0 (w1), A3 P1 0.5 (w2) -> 2 / 4; compliant 1 of 3
    assertFigures(st.get("T1-M|ACCES"), 50.0, 100.0 / 3, 3, 3);
    // ACCUEIL: only A3 P2, missing -> nothing applies
    assertFigures(st.get("T1-M|ACCUEIL"), null, null, 1, 0);
    // TRAITEMENT: A1 E2 2x1, E3 1x2/3, E4 NA; A2 E2 2x0, E3 0, E4 0 -> (8/3) / 7; 1 of 5
    assertFigures(st.get("T1-M|TRAITEMENT"), 800.0 / 21, 20.0, 2, 5);
  }

  @Test
  void criterionScoresPerChannelAndAll() {
    Map<String, Row> cr = index(result.siteCriterionScores(), "site_id", "channel", "criterion");
    // C1 all channels = ACCES above
    assertFigures(cr.get("T1-M|ALL|C1"), 50.0, 100.0 / 3, 3, 3);
    // C2: A1 E2 2x1 + E3 1x2/3, A2 E2 0 + E3 0 -> (8/3) / 6; compliant A1 E2 -> 1 of 4
    assertFigures(cr.get("T1-M|ALL|C2"), 400.0 / 9, 25.0, 2, 4);
    assertFigures(cr.get("T1-M|EMAIL|C2"), 400.0 / 9, 25.0, 2, 4);
    // C3: A1 E4 NA, A2 E4 0, A3 P2 missing -> 0 over one applicable answer
    assertFigures(cr.get("T1-M|ALL|C3"), 0.0, 0.0, 3, 1);
    assertFigures(cr.get("T1-M|EMAIL|C3"), 0.0, 0.0, 2, 1);
    assertFigures(cr.get("T1-M|PHONE|C3"), null, null, 1, 0);
    // C1 per channel: EMAIL A1 1, A2 0 -> 50; PHONE P1 0.5 -> 50
    assertFigures(cr.get("T1-M|EMAIL|C1"), 50.0, 50.0, 2, 2);
    assertFigures(cr.get("T1-M|PHONE|C1"), 50.0, 0.0, 1, 1);
  }

  @Test
  void itemScores() {
    Map<String, Row> it = index(result.siteItemScores(), "site_id", "item_id");
    // E2 on T1-M: A1 1, A2 0 -> 50; 1 of 2 compliant
    assertFigures(it.get("T1-M|E2"), 50.0, 50.0, 2, 2);
    assertFigures(it.get("T1-M|E4"), 0.0, 0.0, 2, 1);
    assertFigures(it.get("T1-M|P2"), null, null, 1, 0);
    Row e2 = it.get("T1-M|E2");
    assertEquals("EMAIL", e2.getAs("channel"));
    assertEquals("C2", e2.getAs("criterion"));
    assertEquals("TRAITEMENT", e2.getAs("step"));
  }

  @Test
  void siteWithoutVisitHasGlobalEqualToRemote() {
    Row t1 = index(result.siteScores(), "site_id").get("T1-M");
    // mean of EMAIL 1100/27 and PHONE 50 = (1100 + 1350) / 54
    assertClose(2450.0 / 54, t1.getAs("global_score"));
    assertClose(2450.0 / 54, t1.getAs("remote_score"));
    // pooled: compliant A1 E1, A1 E2 over 7 EMAIL + 1 PHONE applicable = 2 / 8
    assertClose(25.0, t1.getAs("compliance"));
    assertClose(25.0, t1.getAs("remote_compliance"));
    assertEquals(3L, (Long) t1.getAs("n_audits"));
    assertEquals(3L, (Long) t1.getAs("n_remote_audits"));
    assertTrue((Boolean) t1.getAs("is_main"));
  }

  @Test
  void siteWithVisit() {
    Row t2 = index(result.siteScores(), "site_id").get("T2-M");
    // global: (EMAIL 60 + VISIT 500/9) / 2 = 1040/18; remote: EMAIL only
    assertClose(1040.0 / 18, t2.getAs("global_score"));
    assertClose(60.0, t2.getAs("remote_score"));
    // pooled: EMAIL 3 of 4 + VISIT 1 of 2 = 4 of 6; remote 3 of 4
    assertClose(400.0 / 6, t2.getAs("compliance"));
    assertClose(75.0, t2.getAs("remote_compliance"));
    assertEquals(2L, (Long) t2.getAs("n_audits"));
    assertEquals(1L, (Long) t2.getAs("n_remote_audits"));
  }

  @Test
  void everyPerimeterSiteHasARowEvenWithoutScores() {
    Map<String, Row> sites = index(result.siteScores(), "site_id");
    List<String> perimeter = sites.keySet().stream().sorted().toList();
    assertEquals(List.of("T1-M", "T2-A", "T2-M", "T5-M"), perimeter); // not T5-A: STANDARD plan
    Row t5 = sites.get("T5-M");
    assertNull(t5.getAs("global_score"));
    assertNull(t5.getAs("remote_score"));
    assertNull(t5.getAs("compliance"));
    assertEquals(1L, (Long) t5.getAs("n_audits"));
    assertFalse((Boolean) sites.get("T2-A").getAs("is_main"));
  }

  // ---- completeness --------------------------------------------------------------------------

  @Test
  void completenessCountsQuotasAndMissingAnswers() {
    Map<String, Row> c = index(result.completeness(), "site_id", "channel");
    // T1-M: no visit option -> no VISIT row; 5 remote channels
    assertFalse(c.containsKey("T1-M|VISIT"));
    // EMAIL: 2 of 2; 2 audits x 3 typed items (E2 is computed); A2's silent items are NO_ANSWER
    assertCompleteness(c.get("T1-M|EMAIL"), 2, 2, true, 6, 0);
    // PHONE: 1 of 1; 1 x 2 items, P2 missing
    assertCompleteness(c.get("T1-M|PHONE"), 1, 1, true, 2, 1);
    assertCompleteness(c.get("T1-M|LETTER"), 0, 0, true, 0, 0);
    // T2-M has the visit option: VISIT expected 1
    assertCompleteness(c.get("T2-M|VISIT"), 1, 1, true, 2, 0);
    assertCompleteness(c.get("T2-M|EMAIL"), 2, 1, false, 3, 0);
    assertCompleteness(c.get("T2-M|PHONE"), 1, 0, false, 0, 0);
    assertCompleteness(c.get("T2-A|PHONE"), 1, 1, true, 2, 0);
    // NA is an answer, not a missing one
    assertCompleteness(c.get("T5-M|PHONE"), 1, 1, true, 2, 0);
    // 5 per site + T2-M's VISIT
    assertEquals(21, c.size());
  }

  // ---- structure_scores ----------------------------------------------------------------------

  @Test
  void structureScores() {
    Map<String, Row> s = index(result.structureScores(), "structure_id");
    assertEquals(List.of("T1", "T2", "T5"), s.keySet().stream().sorted().toList());

    Row t1 = s.get("T1");
    assertEquals("ADMINISTRATION", t1.getAs("category"));
    assertEquals("S2", t1.getAs("peer_group")); // 12,000 in [10,000; 20,000)
    assertClose(2450.0 / 54, t1.getAs("barometer_score"));
    assertClose(2450.0 / 54, t1.getAs("global_score"));
    assertNull(t1.getAs("all_sites_score")); // STANDARD
    assertClose(25.0, t1.getAs("compliance"));
    assertTrue((Boolean) t1.getAs("complete"));
    assertEquals(3L, (Long) t1.getAs("n_audits"));
    assertEquals(1L, (Long) t1.getAs("n_sites"));

    Row t2 = s.get("T2");
    assertEquals("HEALTH_SOCIAL_SECURITY", t2.getAs("peer_group"));
    assertClose(60.0, t2.getAs("barometer_score"));
    assertClose(1040.0 / 18, t2.getAs("global_score"));
    // mean of T2-M 1040/18 and T2-A 200/3 = 1200/18 -> 2240/36
    assertClose(2240.0 / 36, t2.getAs("all_sites_score"));
    assertClose(75.0, t2.getAs("compliance"));
    assertFalse((Boolean) t2.getAs("complete")); // main site: EMAIL 1 of 2, PHONE 0 of 1
    assertEquals(3L, (Long) t2.getAs("n_audits"));
    assertEquals(2L, (Long) t2.getAs("n_sites"));

    Row t5 = s.get("T5");
    assertNull(t5.getAs("barometer_score"));
    assertNull(t5.getAs("compliance"));
    assertFalse((Boolean) t5.getAs("complete"));
    assertEquals(1L, (Long) t5.getAs("n_audits")); // D2 is out of the perimeter
  }

  @Test
  void channelWeightsOtherThanOne() {
    var config = ScoringFixture.config(Map.of(Channel.PHONE, 3.0, Channel.VISIT, 2.0));
    ScoringResult weighted = Scoring.score(ScoringFixture.inputs(config), config);
    Map<String, Row> sites = index(weighted.siteScores(), "site_id");
    // T1-M: (EMAIL 1100/27 x 1 + PHONE 50 x 3) / 4 = (1100 + 4050) / 108
    assertClose(5150.0 / 108, sites.get("T1-M").getAs("global_score"));
    assertClose(5150.0 / 108, sites.get("T1-M").getAs("remote_score"));
    // T2-M: (EMAIL 60 x 1 + VISIT 500/9 x 2) / 3 = 1540/27; remote still 60
    assertClose(1540.0 / 27, sites.get("T2-M").getAs("global_score"));
    assertClose(60.0, sites.get("T2-M").getAs("remote_score"));
    Row t2 = index(weighted.structureScores(), "structure_id").get("T2");
    // (1540/27 + T2-A 200/3 = 1800/27) / 2 = 3340/54
    assertClose(3340.0 / 54, t2.getAs("all_sites_score"));
    assertClose(60.0, t2.getAs("barometer_score"));
  }

  // ---- perimeter -----------------------------------------------------------------------------

  @Test
  void ineligibleRejectedAndOutOfPerimeterAppearNowhere() {
    for (Map.Entry<String, Dataset<Row>> table : result.byTable().entrySet()) {
      boolean perSite = Arrays.asList(table.getValue().columns()).contains("site_id");
      String absent = "structure_id IN ('T3', 'T4')" + (perSite ? " OR site_id = 'T5-A'" : "");
      assertEquals(0, table.getValue().where(absent).count(), table.getKey() + ": " + absent);
    }
  }

  // ---- interface -----------------------------------------------------------------------------

  @Test
  void columnsAreTheAnalystsInterface() {
    assertColumns(
        result.answerPoints(),
        "edition",
        "structure_id",
        "site_id",
        "audit_id",
        "channel",
        "scenario_id",
        "item_id",
        "criterion",
        "step",
        "weight",
        "value",
        "working_days",
        "points",
        "basis");
    String[] figures = {"score", "compliance", "n_audits", "n_applicable"};
    assertColumns(
        result.siteItemScores(),
        concat(
            new String[] {
              "edition", "structure_id", "site_id", "channel", "item_id", "criterion", "step"
            },
            figures));
    assertColumns(
        result.siteCriterionScores(),
        concat(
            new String[] {"edition", "structure_id", "site_id", "channel", "criterion"}, figures));
    assertColumns(
        result.siteChannelScores(),
        concat(new String[] {"edition", "structure_id", "site_id", "channel"}, figures));
    assertColumns(
        result.siteStepScores(),
        concat(new String[] {"edition", "structure_id", "site_id", "step"}, figures));
    assertColumns(
        result.siteScores(),
        "edition",
        "structure_id",
        "site_id",
        "is_main",
        "global_score",
        "remote_score",
        "compliance",
        "remote_compliance",
        "n_audits",
        "n_remote_audits");
    assertColumns(
        result.completeness(),
        "edition",
        "structure_id",
        "site_id",
        "is_main",
        "channel",
        "expected",
        "received",
        "quota_met",
        "answers_expected",
        "answers_missing");
    assertColumns(
        result.structureScores(),
        "edition",
        "structure_id",
        "category",
        "plan",
        "peer_group",
        "barometer_score",
        "global_score",
        "all_sites_score",
        "compliance",
        "complete",
        "n_audits",
        "n_sites");
    assertEquals(
        "integer", result.answerPoints().schema().apply("working_days").dataType().typeName());
    for (Dataset<Row> table : result.byTable().values()) {
      assertEquals(0, table.where(functions.col("edition").notEqual(2017)).count());
    }
  }

  @Test
  void scoringTheSameEditionTwiceGivesIdenticalTables() {
    // The same rows, in other partitions and order: Spark merges partial sums differently.
    ScoringInputs in = ScoringFixture.inputs(ScoringFixture.config());
    ScoringInputs reshuffled =
        new ScoringInputs(
            in.eligibility().repartition(3),
            in.sites().repartition(3),
            in.referentialItems().repartition(2),
            in.audits().repartition(3),
            in.auditAnswers().repartition(4));
    ScoringResult again = Scoring.score(reshuffled, ScoringFixture.config());
    for (String table : result.byTable().keySet()) {
      Dataset<Row> first = result.byTable().get(table);
      Dataset<Row> second = again.byTable().get(table);
      assertEquals(first.schema(), second.schema(), table);
      assertEquals(sorted(first), sorted(second), table);
    }
  }

  @Test
  void tablesFromStoredAnswerPointsAreTheTablesOfScore() {
    // The score job aggregates the answer points it read back from their table: the same rows,
    // in other partitions, must give every table this class checks.
    Dataset<Row> points = result.answerPoints();
    Dataset<Row> stored =
        points
            .sparkSession()
            .createDataFrame(points.collectAsList(), points.schema())
            .repartition(3);
    ScoringResult fromStored =
        Scoring.scope(ScoringFixture.inputs(ScoringFixture.config()), ScoringFixture.config())
            .tablesFrom(stored);
    for (String table : result.byTable().keySet()) {
      Dataset<Row> expected = result.byTable().get(table);
      Dataset<Row> actual = fromStored.byTable().get(table);
      assertEquals(expected.schema(), actual.schema(), table);
      assertEquals(sorted(expected), sorted(actual), table);
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** Rows by their key columns joined with '|'; fails on a duplicate key. */
  static Map<String, Row> index(Dataset<Row> rows, String... keys) {
    Map<String, Row> byKey = new HashMap<>();
    for (Row r : rows.collectAsList()) {
      String key =
          Arrays.stream(keys)
              .map(k -> String.valueOf((Object) r.getAs(k)))
              .collect(Collectors.joining("|"));
      assertNull(byKey.put(key, r), "duplicate key " + key);
    }
    return byKey;
  }

  private static List<String> sorted(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static void assertAnswer(
      Row r, String value, Integer workingDays, Double points, String basis) {
    assertNotNull(r);
    assertEquals(value, r.getAs("value"));
    assertEquals(workingDays, r.getAs("working_days"));
    assertClose(points, r.getAs("points"));
    assertEquals(basis, r.getAs("basis"));
  }

  private static void assertFigures(
      Row r, Double score, Double compliance, long nAudits, long nApplicable) {
    assertNotNull(r);
    assertClose(score, r.getAs("score"));
    assertClose(compliance, r.getAs("compliance"));
    assertEquals(nAudits, (Long) r.getAs("n_audits"));
    assertEquals(nApplicable, (Long) r.getAs("n_applicable"));
  }

  private static void assertCompleteness(
      Row r, int expected, long received, boolean met, long answersExpected, long missing) {
    assertNotNull(r);
    assertEquals(expected, (Integer) r.getAs("expected"));
    assertEquals(received, (Long) r.getAs("received"));
    assertEquals(met, r.getAs("quota_met"));
    assertEquals(answersExpected, (Long) r.getAs("answers_expected"));
    assertEquals(missing, (Long) r.getAs("answers_missing"));
  }

  static void assertClose(Double expected, Object actual) {
    if (expected == null) {
      assertNull(actual);
    } else {
      assertNotNull(actual, "expected " + expected);
      assertEquals(expected, (Double) actual, EPS);
    }
  }

  private static void assertColumns(Dataset<Row> table, String... columns) {
    assertArrayEquals(columns, table.columns());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
