package fr.barometer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import fr.barometer.jobs.run.RunTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs of one edition on different landing content, then history, a reader's snapshot of the
 * first run and a rollback to it. The second landing lacks audit A6 (S1's second e-mail audit).
 */
@Tag("end-to-end")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistoryTest {
  private static final SparkSession SPARK = SparkTestSession.get();

  /** Tables a rollback must bring back as the first run left them. */
  private static final List<String> COMPARED =
      List.of(Tables.AUDITS, Tables.STRUCTURE_SCORES, Tables.POSITIONING, Tables.QUARANTINE);

  @TempDir static Path tmp;
  private static Warehouse warehouse;
  private static CliRun first;
  private static CliRun second;
  private static long firstVersion;
  private static List<Row> firstScores;

  @BeforeAll
  static void runTwice() throws Exception {
    // The first run is the shared fixture run, continued on a copy of its warehouse.
    first = FixtureWarehouse.run();
    warehouse = new Warehouse(SPARK, FixtureWarehouse.copyTo(tmp.resolve("warehouse")).toString());
    assertEquals(0, first.code(), first.out() + first.err());
    firstVersion = warehouse.lastCommit(Tables.STRUCTURE_SCORES).version();
    firstScores = sorted(warehouse.read(Tables.STRUCTURE_SCORES).collectAsList());
    second =
        CliRun.of("run", "--landing", withoutAuditA6().toString(), "--warehouse", warehouse.root());
    assertEquals(0, second.code(), second.out() + second.err());
  }

  /** A copy of the fixture landing folder without audit A6. */
  private static Path withoutAuditA6() throws Exception {
    Path from = Path.of(CliRun.resource("/IngestJobTest/landing"));
    Path to = Folders.copy(from, tmp.resolve("landing-2"));
    Path audits = to.resolve("audits/2017-09.jsonl");
    Files.write(
        audits, Files.readAllLines(audits).stream().filter(l -> !l.contains("\"A6\"")).toList());
    return to;
  }

  private static List<Row> sorted(List<Row> rows) {
    return rows.stream().sorted(java.util.Comparator.comparing(Row::toString)).toList();
  }

  private static List<Row> current(String table) {
    return sorted(warehouse.read(table).collectAsList());
  }

  @Test
  @Order(1)
  void eachStepPrintsAProgressLine() {
    for (String step : List.of("ingest", "score", "survey", "publish")) {
      assertTrue(first.out().contains("step " + step + ": started\n"), first.out());
      assertTrue(
          first
              .out()
              .matches("(?s).*step " + step + ": done, [1-9][0-9]* rows written in [0-9.]+ s\n.*"),
          first.out());
    }
  }

  @Test
  @Order(2)
  void aReaderKeepsTheFirstRunsSnapshotDuringAndAfterTheSecond() {
    List<Row> asOfFirst =
        sorted(
            SPARK
                .read()
                .format("delta")
                .option("versionAsOf", firstVersion)
                .load(warehouse.path(Tables.STRUCTURE_SCORES))
                .collectAsList());
    assertEquals(firstScores, asOfFirst);
    assertNotEquals(
        firstScores, current(Tables.STRUCTURE_SCORES), "the second run changed S1's score");
  }

  @Test
  @Order(3)
  void historyListsBothRunsNewestFirstWithCountsAndVersions() {
    CliRun history = CliRun.of("history", "--warehouse", warehouse.root(), "--edition", "2017");
    assertEquals(0, history.code(), history.err());
    String out = history.out();
    int newest = out.indexOf("Run " + second.runId());
    int oldest = out.indexOf("Run " + first.runId());
    assertTrue(newest >= 0 && oldest > newest, out);
    assertTrue(
        out.contains(
            "  audits                     11          4            5          2           0  yes"),
        out);
    assertTrue(
        out.contains(
            "  audits                     10          3            5          2           0  yes"),
        out);
    assertTrue(out.contains("structure_scores@" + firstVersion + " "), out);
  }

  @Test
  @Order(4)
  void anUnknownRunCannotBeRolledBackTo() {
    CliRun r =
        CliRun.of("rollback", "--run", "20170101T000000Z-0000", "--warehouse", warehouse.root());
    assertEquals(1, r.code());
    assertEquals(
        "barometer: Cannot roll back to run 20170101T000000Z-0000: no such completed run in "
            + warehouse.path(Tables.RUN_TABLES)
            + "; list the runs with 'barometer history'\n",
        r.err());
  }

  @Test
  @Order(5)
  void rollbackBringsBackTheFirstRunsTablesAndIsInTheHistory() {
    java.util.Map<String, List<Row>> before = new java.util.HashMap<>();
    for (String table : COMPARED) {
      before.put(
          table,
          sorted(
              SPARK
                  .read()
                  .format("delta")
                  .option("versionAsOf", RunTables.versions(warehouse, first.runId()).get(table))
                  .load(warehouse.path(table))
                  .collectAsList()));
    }
    CliRun r = CliRun.of("rollback", "--run", first.runId(), "--warehouse", warehouse.root());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(
        r.out()
            .lines()
            .anyMatch(l -> l.matches("Undoes run " + second.runId() + " \\(started .*\\)\\.")),
        r.out());
    assertEquals(firstScores, current(Tables.STRUCTURE_SCORES));
    for (String table : COMPARED) {
      assertEquals(before.get(table), current(table), table);
    }
    CliRun history = CliRun.of("history", "--warehouse", warehouse.root());
    assertTrue(history.out().startsWith("Run "), history.out());
    assertTrue(
        history
            .out()
            .lines()
            .findFirst()
            .orElseThrow()
            .endsWith("rollback to run " + first.runId()),
        history.out());
  }
}
