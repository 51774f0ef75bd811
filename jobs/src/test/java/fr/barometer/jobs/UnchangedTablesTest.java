package fr.barometer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.io.InputCounts;
import fr.barometer.common.io.Landing;
import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import fr.barometer.jobs.ingest.IngestJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only what changed is written: a second ingestion of the fixture after a new survey response, with
 * the pipeline version of the first, commits the survey's tables and keeps the others as they were,
 * with the same counts.
 */
@Tag("end-to-end")
class UnchangedTablesTest {
  private static final SparkSession SPARK = SparkTestSession.get();

  @TempDir static Path tmp;
  private static Warehouse warehouse;
  private static Map<String, Long> before;
  private static Map<String, Long> after;
  private static List<InputCounts> first;
  private static List<InputCounts> second;

  @BeforeAll
  static void ingestTwice() throws Exception {
    Path landing =
        Folders.copy(Path.of(CliRun.resource("/IngestJobTest/landing")), tmp.resolve("l"));
    warehouse = new Warehouse(SPARK, tmp.resolve("w").toString());
    first = ingest(landing, false);
    before = versions();
    Files.writeString(
        landing.resolve("survey/responses.csv"),
        "R6;2017-10-01T09:00:00+02:00;S2;35238;HEALTH_SOCIAL_SECURITY;<1M;PHONE;3;3;3;3;3;3;8;Correct\n",
        StandardOpenOption.APPEND);
    second = ingest(landing, true);
    after = versions();
  }

  private static List<InputCounts> ingest(Path landing, boolean sameVersion) {
    Landing folder = Landing.open(landing.toString(), SPARK.sparkContext().hadoopConfiguration());
    return new IngestJob(SPARK, folder, warehouse, RunInfo.start(), false, sameVersion).run();
  }

  private static Map<String, Long> versions() {
    Map<String, Long> versions = new TreeMap<>();
    for (String t : warehouse.tables()) {
      versions.put(t, warehouse.lastCommit(t).version());
    }
    return versions;
  }

  @Test
  void theTablesOfUnchangedFilesAreNotCommittedAgain() {
    for (String table :
        List.of(
            Tables.COMMUNES,
            Tables.EPCI,
            Tables.STRUCTURES,
            Tables.SITES,
            Tables.ORDERS,
            Tables.REFERENTIAL_ITEMS,
            Tables.REFERENTIAL_CRITERIA,
            Tables.SCENARIOS,
            Tables.EDITION_SETTINGS,
            Tables.AUDITS,
            Tables.AUDIT_ANSWERS)) {
      assertEquals(before.get(table), after.get(table), table + " was committed again");
    }
    for (String table :
        List.of(Tables.SURVEY_RESPONSES, Tables.QUARANTINE, Tables.INGESTED_FILES)) {
      assertNotEquals(before.get(table), after.get(table), table + " was not written");
    }
  }

  @Test
  void theCountsAreThoseOfTheWholeEditionAndReconcile() {
    assertTrue(second.stream().allMatch(InputCounts::reconciled), second.toString());
    for (int i = 0; i < first.size(); i++) {
      InputCounts a = first.get(i);
      InputCounts b = second.get(i);
      if (a.input().equals(Tables.SURVEY_RESPONSES)) {
        assertEquals(a.read() + 1, b.read());
        assertEquals(a.kept() + 1, b.kept());
      } else {
        assertEquals(a, b);
      }
    }
  }
}
