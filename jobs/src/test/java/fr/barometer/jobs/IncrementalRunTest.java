package fr.barometer.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.ingest.IngestPlan;
import fr.barometer.common.io.InputCounts;
import fr.barometer.common.io.Landing;
import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Warehouse;
import fr.barometer.jobs.ingest.IngestJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nightly runs as the audit season goes: the landing folder of IngestJobTest plus an October file
 * is ingested; then the September file changes (A2's comment corrected, A5's line removed), a
 * November file arrives (a correction of A6, a new audit A8) and a survey response is added. The
 * incremental run parses the two audit files that changed or are new, skips the October one, and
 * must give exactly the tables of a --full run on the final folder (every table the ingestion
 * writes; the score tables are functions of these, and KilledRunTest compares them too). Then
 * October's file is withdrawn and structures.csv changes (S3 now ACCEPTED, so its audit A4 enters
 * the perimeter): every audit file is re-checked, and again the tables equal a --full run's.
 */
@Tag("end-to-end")
class IncrementalRunTest {
  private static final SparkSession SPARK = SparkTestSession.get();
  @TempDir static Path tmp;
  private static Path landing;
  private static List<IngestPlan> secondRun;
  private static List<IngestPlan> thirdRun;
  private static Map<String, List<String>> incremental;
  private static Map<String, List<String>> full;
  private static Map<String, List<String>> incrementalAfterRegistryChange;
  private static Map<String, List<String>> fullAfterRegistryChange;

  private static final String OCTOBER_AUDIT =
      "{\"audit_id\": \"A7\", \"edition\": 2017, \"structure_id\": \"S2\", \"site_id\": \"S2-M\","
          + " \"channel\": \"EMAIL\", \"scenario_id\": \"SC01\", \"auditor_id\": \"AUD2\","
          + " \"contacted_at\": \"2017-10-02T10:00:00+02:00\", \"answered_at\":"
          + " \"2017-10-03T10:00:00+02:00\", \"recorded_at\": \"2017-10-04T10:00:00+02:00\","
          + " \"answers\": [{\"item_id\": \"EM01\", \"value\": \"YES\"}], \"comment\":"
          + " \"Octobre.\"}\n";
  private static final String NOVEMBER_AUDITS =
      "{\"audit_id\": \"A6\", \"edition\": 2017, \"structure_id\": \"S1\", \"site_id\": \"S1-M\","
          + " \"channel\": \"EMAIL\", \"scenario_id\": \"SC04\", \"auditor_id\": \"AUD4\","
          + " \"contacted_at\": \"2017-09-12T10:00:00+02:00\", \"answered_at\":"
          + " \"2017-09-13T10:00:00+02:00\", \"recorded_at\": \"2017-10-20T10:00:00+02:00\","
          + " \"answers\": [{\"item_id\": \"EM01\", \"value\": \"NO\"}], \"comment\": \"A6"
          + " corrigé.\"}\n"
          + "{\"audit_id\": \"A8\", \"edition\": 2017, \"structure_id\": \"S1\", \"site_id\":"
          + " \"S1-M\", \"channel\": \"PHONE\", \"scenario_id\": \"SC01\", \"auditor_id\":"
          + " \"AUD5\", \"contacted_at\": \"2017-10-10T10:00:00+02:00\", \"answered_at\":"
          + " \"2017-10-10T10:01:00+02:00\", \"recorded_at\": \"2017-10-10T18:00:00+02:00\","
          + " \"answers\": [{\"item_id\": \"PH04\", \"value\": \"2\"}], \"comment\":"
          + " \"Nouveau.\"}\n";

  @BeforeAll
  static void nightlyRuns() throws Exception {
    landing = tmp.resolve("landing");
    Folders.copy(
        Path.of(IncrementalRunTest.class.getResource("/IngestJobTest/landing").toURI()), landing);
    Files.writeString(landing.resolve("audits/2017-10.jsonl"), OCTOBER_AUDIT);
    ingest("incremental", false);

    Path september = landing.resolve("audits/2017-09.jsonl");
    List<String> lines =
        Files.readAllLines(september).stream()
            .filter(l -> !l.contains("\"A5\""))
            .map(l -> l.replace("Accueil agréable.", "Accueil très agréable."))
            .toList();
    Files.write(september, lines);
    Files.writeString(landing.resolve("audits/2017-11.jsonl"), NOVEMBER_AUDITS);
    Files.writeString(
        landing.resolve("survey/responses.csv"),
        "R6;2017-10-01T09:00:00+02:00;S2;35238;HEALTH_SOCIAL_SECURITY;<1M;PHONE;3;3;3;3;3;3;8;Correct\n",
        StandardOpenOption.APPEND);
    secondRun = ingest("incremental", false);
    ingest("full", true);
    incremental = WarehouseSnapshot.of(SPARK, tmp.resolve("incremental"));
    full = WarehouseSnapshot.of(SPARK, tmp.resolve("full"));

    Files.delete(landing.resolve("audits/2017-10.jsonl"));
    Path structures = landing.resolve("structures.csv");
    Files.writeString(structures, Files.readString(structures).replace(",REJECTED,", ",ACCEPTED,"));
    thirdRun = ingest("incremental", false);
    ingest("full-after-registry-change", true);
    incrementalAfterRegistryChange = WarehouseSnapshot.of(SPARK, tmp.resolve("incremental"));
    fullAfterRegistryChange =
        WarehouseSnapshot.of(SPARK, tmp.resolve("full-after-registry-change"));
  }

  /**
   * Ingests the landing folder (the score tables derive from the ingested ones: not needed here).
   */
  private static List<IngestPlan> ingest(String warehouse, boolean full) {
    Landing folder = Landing.open(landing.toString(), SPARK.sparkContext().hadoopConfiguration());
    IngestJob job =
        new IngestJob(
            SPARK,
            folder,
            new Warehouse(SPARK, tmp.resolve(warehouse).toString()),
            RunInfo.start(),
            full);
    assertTrue(job.run().stream().allMatch(InputCounts::reconciled));
    return job.plans();
  }

  private static IngestPlan plan(List<IngestPlan> plans, String input) {
    return plans.stream().filter(p -> p.input().equals(input)).findFirst().orElseThrow();
  }

  @Test
  void parsesOnlyNewAndChangedFiles() {
    IngestPlan audits = plan(secondRun, "audits");
    assertEquals(List.of("audits/2017-09.jsonl", "audits/2017-11.jsonl"), audits.toParse());
    assertEquals(List.of("audits/2017-10.jsonl"), audits.skipped());
    assertEquals(List.of("survey/responses.csv"), plan(secondRun, "survey").toParse());
  }

  @Test
  void incrementalRunGivesTheTablesOfAFullRun() {
    assertTrue(
        full.keySet()
            .containsAll(
                List.of(
                    "audits",
                    "audit_answers",
                    "quarantine",
                    "survey_responses",
                    "staged_audits",
                    "staged_survey",
                    "ingested_files")),
        full.keySet().toString());
    assertEquals(full.keySet(), incremental.keySet());
    full.forEach((table, rows) -> assertEquals(rows, incremental.get(table), table));
  }

  @Test
  void aChangedFileHasItsRowsReplacedNotDoubled() {
    Dataset<Row> audits = table("full", "audits");
    assertEquals(audits.count(), audits.select("audit_id").distinct().count());
    assertTrue(
        incremental.get("audits").stream().anyMatch(r -> r.contains("Accueil très agréable.")));
    assertTrue(incremental.get("audits").stream().anyMatch(r -> r.contains("A6 corrigé.")));
    assertTrue(incremental.get("quarantine").stream().noneMatch(r -> r.contains("OUTSIDE_WINDOW")));
  }

  @Test
  void aChangedRegistryFileRechecksEveryAuditAndAVanishedFileLosesItsRows() {
    IngestPlan audits = plan(thirdRun, "audits");
    assertTrue(audits.restageAll());
    assertEquals(List.of("audits/2017-09.jsonl", "audits/2017-11.jsonl"), audits.toParse());
    assertEquals(List.of("audits/2017-10.jsonl"), audits.removed());
    assertTrue(plan(thirdRun, "survey").toParse().isEmpty());
    assertEquals(fullAfterRegistryChange, incrementalAfterRegistryChange);
    List<String> kept = incrementalAfterRegistryChange.get("audits");
    assertTrue(kept.stream().anyMatch(r -> r.contains(",A4,")), kept.toString());
    assertTrue(kept.stream().noneMatch(r -> r.contains(",A7,")), kept.toString());
  }

  @Test
  void runLogReconcilesOverTheWholeEdition() {
    Dataset<Row> log = table("incremental", "run_log").where(col("step").equalTo("ingest"));
    Row last = log.orderBy(col("logged_at").desc()).first();
    assertTrue(log.where(col("reconciled").unary_$bang()).isEmpty());
    // The run after the registry change: September's 10 lines and November's 2.
    Row audits =
        log.where(
                col("run_id")
                    .equalTo(last.<String>getAs("run_id"))
                    .and(col("input").equalTo("audits")))
            .first();
    assertEquals(12L, (long) audits.getAs("rows_read"));
  }

  private static Dataset<Row> table(String warehouse, String name) {
    return SPARK.read().format("delta").load(tmp.resolve(warehouse).resolve(name).toString());
  }
}
