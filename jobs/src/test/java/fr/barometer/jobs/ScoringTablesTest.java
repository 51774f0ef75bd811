package fr.barometer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.holdenkarau.spark.testing.DataFrameSuiteBase$;
import fr.barometer.common.SparkTestSession;
import fr.barometer.common.score.Scoring;
import fr.barometer.common.score.ScoringFixture;
import fr.barometer.common.score.ScoringResult;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * End to end: the fixture edition of common's {@code ScoringFixture} scored, and whole tables
 * compared with expected DataFrames, row by row with spark-testing-base's approximate row equality.
 * Its JavaDataFrameSuiteBase (JUnit 4, its own session) cannot be used here: loading it needs Hive
 * classes that the build excludes with the rest of its Spark, so the comparison goes through the
 * Hive-free {@code DataFrameSuiteBase} companion object instead. The arithmetic behind each number
 * is written out in common's {@code ScoringTest}.
 */
@Tag("end-to-end")
class ScoringTablesTest {
  private static final double TOLERANCE = 1e-9;
  private static ScoringResult result;

  @BeforeAll
  static void score() {
    result = Scoring.score(ScoringFixture.inputs(ScoringFixture.config()), ScoringFixture.config());
  }

  @Test
  void structureScores() {
    assertTable(
        result.structureScores(),
        List.of(
            // barometer = global = (EMAIL 1100/27 + PHONE 50) / 2; 2 of 8 answers compliant
            RowFactory.create(
                2017,
                "T1",
                "ADMINISTRATION",
                "STANDARD",
                "S2",
                2450.0 / 54,
                2450.0 / 54,
                null,
                25.0,
                true,
                3L,
                1L),
            // remote = EMAIL 60; global = (60 + VISIT 500/9) / 2; all sites = (1040/18 + 200/3) / 2
            RowFactory.create(
                2017,
                "T2",
                "HEALTH_SOCIAL_SECURITY",
                "PERSONALIZED",
                "HEALTH_SOCIAL_SECURITY",
                60.0,
                1040.0 / 18,
                2240.0 / 36,
                75.0,
                false,
                3L,
                2L),
            // only NA answers: nothing applies, scores null
            RowFactory.create(
                2017, "T5", "POSTAL", "STANDARD", "POSTAL", null, null, null, null, false, 1L, 1L)),
        "structure_id");
  }

  @Test
  void siteScores() {
    assertTable(
        result.siteScores(),
        List.of(
            RowFactory.create(
                2017, "T1", "T1-M", true, 2450.0 / 54, 2450.0 / 54, 25.0, 25.0, 3L, 3L),
            RowFactory.create(2017, "T2", "T2-A", false, 200.0 / 3, 200.0 / 3, 50.0, 50.0, 1L, 1L),
            RowFactory.create(2017, "T2", "T2-M", true, 1040.0 / 18, 60.0, 400.0 / 6, 75.0, 2L, 1L),
            RowFactory.create(2017, "T5", "T5-M", true, null, null, null, null, 1L, 1L)),
        "site_id");
  }

  @Test
  void siteChannelScores() {
    assertTable(
        result.siteChannelScores(),
        List.of(
            RowFactory.create(2017, "T1", "T1-M", "EMAIL", 1100.0 / 27, 200.0 / 7, 2L, 7L),
            RowFactory.create(2017, "T1", "T1-M", "PHONE", 50.0, 0.0, 1L, 1L),
            RowFactory.create(2017, "T2", "T2-A", "PHONE", 200.0 / 3, 50.0, 1L, 2L),
            RowFactory.create(2017, "T2", "T2-M", "EMAIL", 60.0, 75.0, 1L, 4L),
            RowFactory.create(2017, "T2", "T2-M", "VISIT", 500.0 / 9, 50.0, 1L, 2L),
            RowFactory.create(2017, "T5", "T5-M", "PHONE", null, null, 1L, 0L)),
        "site_id",
        "channel");
  }

  @Test
  void completeness() {
    assertTable(
        result.completeness(),
        List.of(
            quota("T1", "T1-M", true, "EMAIL", 2, 2, true, 6, 0),
            quota("T1", "T1-M", true, "LETTER", 0, 0, true, 0, 0),
            quota("T1", "T1-M", true, "PHONE", 1, 1, true, 2, 1),
            quota("T1", "T1-M", true, "VOICEMAIL", 0, 0, true, 0, 0),
            quota("T1", "T1-M", true, "WEB", 0, 0, true, 0, 0),
            quota("T2", "T2-A", false, "EMAIL", 2, 0, false, 0, 0),
            quota("T2", "T2-A", false, "LETTER", 0, 0, true, 0, 0),
            quota("T2", "T2-A", false, "PHONE", 1, 1, true, 2, 0),
            quota("T2", "T2-A", false, "VOICEMAIL", 0, 0, true, 0, 0),
            quota("T2", "T2-A", false, "WEB", 0, 0, true, 0, 0),
            quota("T2", "T2-M", true, "EMAIL", 2, 1, false, 3, 0),
            quota("T2", "T2-M", true, "LETTER", 0, 0, true, 0, 0),
            quota("T2", "T2-M", true, "PHONE", 1, 0, false, 0, 0),
            quota("T2", "T2-M", true, "VISIT", 1, 1, true, 2, 0),
            quota("T2", "T2-M", true, "VOICEMAIL", 0, 0, true, 0, 0),
            quota("T2", "T2-M", true, "WEB", 0, 0, true, 0, 0),
            quota("T5", "T5-M", true, "EMAIL", 2, 0, false, 0, 0),
            quota("T5", "T5-M", true, "LETTER", 0, 0, true, 0, 0),
            quota("T5", "T5-M", true, "PHONE", 1, 1, true, 2, 0),
            quota("T5", "T5-M", true, "VOICEMAIL", 0, 0, true, 0, 0),
            quota("T5", "T5-M", true, "WEB", 0, 0, true, 0, 0)),
        "site_id",
        "channel");
  }

  private static Row quota(
      String structure,
      String site,
      boolean main,
      String channel,
      int expected,
      long received,
      boolean met,
      long answersExpected,
      long missing) {
    return RowFactory.create(
        2017, structure, site, main, channel, expected, received, met, answersExpected, missing);
  }

  /**
   * Compares whole tables: same schema, same rows once both are sorted on {@code keys}, doubles
   * within {@link #TOLERANCE}, nulls where nulls are expected. The tables are a few rows each.
   */
  private static void assertTable(Dataset<Row> actual, List<Row> expectedRows, String... keys) {
    Dataset<Row> expected = SparkTestSession.get().createDataFrame(expectedRows, actual.schema());
    String first = keys[0];
    String[] rest = Arrays.copyOfRange(keys, 1, keys.length);
    List<Row> want = expected.orderBy(first, rest).collectAsList();
    List<Row> got = actual.orderBy(first, rest).collectAsList();
    assertEquals(expected.schema(), actual.schema());
    assertEquals(want.size(), got.size(), "row count");
    for (int i = 0; i < want.size(); i++) {
      assertTrue(
          DataFrameSuiteBase$.MODULE$.approxEquals(want.get(i), got.get(i), TOLERANCE),
          "row " + i + ": expected " + want.get(i) + " but was " + got.get(i));
    }
  }
}
