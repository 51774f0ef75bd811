package fr.barometer.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.io.InputCounts;
import fr.barometer.common.io.Landing;
import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import fr.barometer.jobs.ingest.IngestJob;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingestion of the hand-written landing folder src/test/resources/IngestJobTest/landing (by the
 * shared fixture run), whose every row's fate is worked out in the comments below, and checks the
 * tables, quarantine and run log.
 */
@Tag("end-to-end")
class IngestJobTest {
  private static final SparkSession SPARK = SparkTestSession.get();
  @TempDir static Path warehouseDir;
  private static Warehouse warehouse;
  private static List<InputCounts> counts;
  private static Landing landing;

  @BeforeAll
  static void ingest() throws Exception {
    landing =
        Landing.open(
            Path.of(IngestJobTest.class.getResource("/IngestJobTest/landing").toURI()).toString(),
            SPARK.sparkContext().hadoopConfiguration());
    // The shared fixture run ingested this folder: its tables and run log, on a copy the rerun may
    // change.
    assertEquals(0, FixtureWarehouse.run().code(), FixtureWarehouse.run().err());
    warehouse =
        new Warehouse(SPARK, FixtureWarehouse.copyTo(warehouseDir.resolve("warehouse")).toString());
    counts =
        warehouse
            .read(Tables.RUN_LOG, 2017)
            .where(col("step").equalTo("ingest"))
            .collectAsList()
            .stream()
            .map(
                r ->
                    new InputCounts(
                        r.getAs("input"),
                        r.getAs("rows_read"),
                        r.getAs("rows_kept"),
                        r.getAs("rows_quarantined"),
                        r.getAs("rows_collapsed"),
                        r.getAs("rows_ineligible")))
            .toList();
  }

  private static InputCounts counts(String input) {
    return counts.stream().filter(c -> c.input().equals(input)).findFirst().orElseThrow();
  }

  @Test
  void everyRowIsAccountedFor() {
    // input, read, kept, quarantined, collapsed, ineligible
    assertEquals(new InputCounts("communes", 4, 4, 0, 0, 0), counts("communes"));
    assertEquals(new InputCounts("epci", 2, 2, 0, 0, 0), counts("epci"));
    // S1 copy collapsed; S4 unknown category, S5 unknown commune, both S6 rows conflict.
    assertEquals(new InputCounts("structures", 8, 3, 4, 1, 0), counts("structures"));
    // S9-M unknown structure, S1-X is_main "yes".
    assertEquals(new InputCounts("sites", 6, 4, 2, 0, 0), counts("sites"));
    assertEquals(new InputCounts("orders", 2, 1, 1, 0, 0), counts("orders"));
    // Kept A1 (correction), A2, A3 (first version), A6. Quarantined: two conflicting A3, the cut
    // line, A4 (REJECTED structure), A5 (outside the WEB window). Collapsed: A1's first version,
    // A2's copy.
    assertEquals(new InputCounts("audits", 11, 4, 5, 2, 0), counts("audits"));
    // Answers of the kept audits: A1 2, A2 2, A3 1, A6 7; A6 loses EM99, PH01, EM04=7 and both
    // EM05.
    assertEquals(new InputCounts("audit_answers", 12, 7, 5, 0, 0), counts("audit_answers"));
    // R1 copy and R3's later resubmission collapse; R2 is >3M; R4 has an unreadable date.
    assertEquals(new InputCounts("survey_responses", 7, 3, 1, 2, 1), counts("survey_responses"));
    assertTrue(counts.stream().allMatch(InputCounts::reconciled));
  }

  @Test
  void quarantineSaysWhy() {
    Map<String, List<String>> reasons =
        warehouse.read(Tables.QUARANTINE, 2017).select("source", "reason").collectAsList().stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.getString(0),
                    Collectors.mapping(r -> r.getString(1), Collectors.toList())));
    assertEquals(
        List.of(
            "CONFLICTING_DUPLICATE", "CONFLICTING_DUPLICATE", "UNKNOWN_CODE", "UNKNOWN_COMMUNE"),
        sorted(reasons.get("structures")));
    assertEquals(List.of("INVALID_VALUE", "UNKNOWN_STRUCTURE"), sorted(reasons.get("sites")));
    assertEquals(List.of("UNKNOWN_STRUCTURE"), reasons.get("orders"));
    assertEquals(
        List.of(
            "CONFLICTING_DUPLICATE",
            "CONFLICTING_DUPLICATE",
            "MALFORMED_RECORD",
            "OUTSIDE_WINDOW",
            "OUT_OF_PERIMETER"),
        sorted(reasons.get("audits")));
    assertEquals(
        List.of(
            "DUPLICATE_ANSWER",
            "DUPLICATE_ANSWER",
            "INVALID_VALUE",
            "ITEM_OF_OTHER_CHANNEL",
            "UNKNOWN_ITEM"),
        sorted(reasons.get("audit_answers")));
    assertEquals(List.of("INVALID_DATE"), reasons.get("survey_responses"));

    Row cut =
        warehouse
            .read(Tables.QUARANTINE, 2017)
            .where(col("reason").equalTo("MALFORMED_RECORD"))
            .first();
    assertEquals("audits/2017-09.jsonl", cut.getAs("source_file"));
    assertEquals(8L, (long) cut.getAs("source_line"));
    assertTrue(((String) cut.getAs("record")).startsWith("{\"audit_id\": \"A9\""));
    // Each conflicting A3 keeps the raw record of its own line (6 and 7 of the file).
    Map<Long, String> conflicts =
        warehouse
            .read(Tables.QUARANTINE, 2017)
            .where(
                col("source").equalTo("audits").and(col("reason").equalTo("CONFLICTING_DUPLICATE")))
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> (Long) r.getAs("source_line"), r -> r.getAs("record")));
    assertEquals(Set.of(6L, 7L), conflicts.keySet());
    assertTrue(
        conflicts.get(6L).contains("\"value\": \"4\"") && conflicts.get(6L).contains("Réponse X."));
    assertTrue(
        conflicts.get(7L).contains("\"value\": \"1\"") && conflicts.get(7L).contains("Réponse Y."));
  }

  @Test
  void correctionsAndDuplicatesFollowTheRules() {
    Map<String, String> comments =
        warehouse.read(Tables.AUDITS, 2017).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getAs("audit_id"), r -> r.getAs("comment")));
    assertEquals(
        Map.of(
            "A1",
            "Corrigé.",
            "A2",
            "Accueil agréable.",
            "A3",
            "Sans réponse.",
            "A6",
            "Réponse rapide."),
        comments);
    List<String> a1 =
        warehouse
            .read(Tables.AUDIT_ANSWERS, 2017)
            .where(col("audit_id").equalTo("A1"))
            .orderBy("item_id")
            .collectAsList()
            .stream()
            .map(r -> r.getAs("item_id") + "=" + r.getAs("value"))
            .toList();
    assertEquals(List.of("EM01=NO", "EM04=4"), a1);
    List<String> a6 =
        warehouse
            .read(Tables.AUDIT_ANSWERS, 2017)
            .where(col("audit_id").equalTo("A6"))
            .orderBy("item_id")
            .collectAsList()
            .stream()
            .map(r -> r.getAs("item_id") + "=" + r.getAs("value"))
            .toList();
    assertEquals(List.of("EM01=YES", "EM02=NA"), a6);
  }

  @Test
  void surveyKeepsTheEarliestAndMasksPersonalData() {
    Map<String, Row> responses =
        warehouse.read(Tables.SURVEY_RESPONSES, 2017).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getAs("response_id"), r -> r));
    assertEquals(List.of("R1", "R2", "R3", "R5"), sorted(List.copyOf(responses.keySet())));
    assertEquals("Attente; mais \"correct\"", responses.get("R3").getAs("comment"));
    assertEquals(3, (int) responses.get("R3").getAs("q_overall"));
    assertFalse((boolean) responses.get("R2").getAs("eligible"));
    assertEquals(
        "Merci !\nÉcrivez-moi à [email] ou au [telephone]", responses.get("R5").getAs("comment"));
  }

  @Test
  void runLogRecordsTheCounts() {
    Row audits = warehouse.read(Tables.RUN_LOG, 2017).where(col("input").equalTo("audits")).first();
    assertEquals(11L, (long) audits.getAs("rows_read"));
    assertEquals(2L, (long) audits.getAs("rows_collapsed"));
    assertTrue((boolean) audits.getAs("reconciled"));
  }

  @Test
  void rerunGivesTheSameTables() {
    List<String> tables =
        List.of(
            Tables.STRUCTURES,
            Tables.SITES,
            Tables.ORDERS,
            Tables.AUDITS,
            Tables.AUDIT_ANSWERS,
            Tables.SURVEY_RESPONSES,
            Tables.COMMUNES,
            Tables.REFERENTIAL_ITEMS);
    Map<String, List<String>> before = snapshot(tables);
    List<String> quarantineBefore = quarantineContent();
    new IngestJob(SPARK, landing, warehouse, RunInfo.start()).run();
    assertEquals(before, snapshot(tables));
    assertEquals(quarantineBefore, quarantineContent());
    assertEquals(2L, warehouse.read(Tables.RUN_LOG, 2017).select("run_id").distinct().count());
  }

  private static Map<String, List<String>> snapshot(List<String> tables) {
    return tables.stream()
        .collect(
            Collectors.toMap(
                t -> t,
                t ->
                    sorted(
                        warehouse.read(t, 2017).collectAsList().stream()
                            .map(Row::toString)
                            .toList())));
  }

  private static List<String> quarantineContent() {
    return sorted(
        warehouse
            .read(Tables.QUARANTINE, 2017)
            .drop("run_id", "quarantined_at")
            .collectAsList()
            .stream()
            .map(Row::toString)
            .toList());
  }

  private static List<String> sorted(List<String> values) {
    return values.stream().sorted().toList();
  }
}
