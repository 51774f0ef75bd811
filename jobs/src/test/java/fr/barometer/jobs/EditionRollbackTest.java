package fr.barometer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.io.InputCounts;
import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import fr.barometer.jobs.run.RunLog;
import fr.barometer.jobs.run.RunTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollback of one edition in a warehouse holding two, written by hand (no pipeline run): run a
 * (edition 2016), run b (2017), run c (2016 again, changing its rows and adding 2016 rows to a
 * table b created). Then rollbacks to a, to b, and to c.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditionRollbackTest {
  private static final SparkSession SPARK = SparkTestSession.get();
  private static final StructType SCHEMA =
      new StructType()
          .add("edition", DataTypes.IntegerType, false)
          .add("structure_id", DataTypes.StringType, false)
          .add("value", DataTypes.StringType, true);

  /** Written by a, b and c. */
  private static final List<String> REWRITTEN = List.of(Tables.STRUCTURES, Tables.STRUCTURE_SCORES);

  /** Every table but the run records. */
  private static final List<String> DATA =
      List.of(Tables.EDITION_SETTINGS, Tables.STRUCTURES, Tables.STRUCTURE_SCORES, Tables.TROPHIES);

  private static final RunInfo A = run("20160901T000000Z-000a", "2016-09-01 02:00:00");
  private static final RunInfo B = run("20170901T000000Z-000b", "2017-09-01 02:00:00");
  private static final RunInfo C = run("20171001T000000Z-000c", "2017-10-01 02:00:00");

  @TempDir static Path tmp;
  private static Warehouse warehouse;

  /** Each data table's rows of an edition, and its data files, after a run. */
  private static final Map<String, List<Row>> AFTER_A_2016 = new HashMap<>();

  private static final Map<String, List<Row>> AFTER_B_2017 = new HashMap<>();
  private static final Map<String, Set<String>> AFTER_B_2017_FILES = new HashMap<>();
  private static final Map<String, List<Row>> AFTER_C_2016 = new HashMap<>();

  private static RunInfo run(String id, String startedAt) {
    return new RunInfo(id, Timestamp.valueOf(startedAt));
  }

  private static Dataset<Row> rows(int edition, String... idValue) {
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < idValue.length; i += 2) {
      rows.add(RowFactory.create(edition, idValue[i], idValue[i + 1]));
    }
    return SPARK.createDataFrame(rows, SCHEMA);
  }

  /** What a run of the pipeline leaves: its tables' edition, its run_log rows, its run_tables. */
  private static void write(
      Warehouse warehouse, RunInfo run, int edition, Map<String, Dataset<Row>> tables) {
    tables.forEach((table, rows) -> warehouse.replaceEdition(table, edition, rows));
    RunLog.append(
        SPARK,
        warehouse,
        run,
        edition,
        "ingest",
        List.of(new InputCounts("audits", 2, 2, 0, 0, 0)));
    RunTables.record(SPARK, warehouse, run, edition);
  }

  private static List<Row> rowsOf(String table, int edition) {
    return rowsOf(warehouse, table, edition);
  }

  private static List<Row> rowsOf(Warehouse warehouse, String table, int edition) {
    if (!warehouse.exists(table)) {
      return List.of();
    }
    return warehouse.read(table, edition).collectAsList().stream()
        .sorted(Comparator.comparing(Row::toString))
        .toList();
  }

  private static Set<String> filesOf(Warehouse warehouse, String table, int edition) {
    return new TreeSet<>(Arrays.asList(warehouse.read(table, edition).inputFiles()));
  }

  private static Map<String, Long> versions() {
    Map<String, Long> versions = new LinkedHashMap<>();
    DATA.forEach(t -> versions.put(t, warehouse.lastCommit(t).version()));
    return versions;
  }

  @BeforeAll
  static void threeRuns() {
    warehouse = new Warehouse(SPARK, tmp.resolve("warehouse").toString());
    Map<String, Dataset<Row>> a = new LinkedHashMap<>();
    a.put(Tables.EDITION_SETTINGS, rows(2016, "-", "{\"edition\":2016}"));
    a.put(Tables.STRUCTURES, rows(2016, "S1", "Mairie de Vire", "S2", "CAF du Calvados"));
    a.put(Tables.STRUCTURE_SCORES, rows(2016, "S1", "61.5", "S2", "70.25"));
    write(warehouse, A, 2016, a);
    DATA.forEach(t -> AFTER_A_2016.put(t, rowsOf(t, 2016)));

    Map<String, Dataset<Row>> b = new LinkedHashMap<>();
    b.put(Tables.EDITION_SETTINGS, rows(2017, "-", "{\"edition\":2017}"));
    b.put(Tables.STRUCTURES, rows(2017, "S1", "Mairie de Vire", "S3", "CPAM de Caen"));
    b.put(Tables.STRUCTURE_SCORES, rows(2017, "S1", "64.0", "S3", "55.5"));
    b.put(Tables.TROPHIES, rows(2017, "S1", "RELATION_CITOYEN"));
    write(warehouse, B, 2017, b);
    for (String t : DATA) {
      AFTER_B_2017.put(t, rowsOf(t, 2017));
      AFTER_B_2017_FILES.put(t, filesOf(warehouse, t, 2017));
    }

    Map<String, Dataset<Row>> c = new LinkedHashMap<>();
    c.put(Tables.STRUCTURES, rows(2016, "S1", "Mairie de Vire-Normandie", "S4", "La Poste"));
    c.put(Tables.STRUCTURE_SCORES, rows(2016, "S1", "66.0", "S4", "48.75"));
    c.put(Tables.TROPHIES, rows(2016, "S4", "RELATION_CITOYEN"));
    write(warehouse, C, 2016, c);
    DATA.forEach(t -> AFTER_C_2016.put(t, rowsOf(t, 2016)));
    for (String t : REWRITTEN) {
      assertFalse(AFTER_A_2016.get(t).equals(AFTER_C_2016.get(t)), "c changed 2016's " + t);
    }
  }

  private static CliRun rollback(RunInfo to) {
    CliRun r = CliRun.of("rollback", "--run", to.runId(), "--warehouse", warehouse.root());
    assertEquals(0, r.code(), r.out() + r.err());
    return r;
  }

  private static void assert2017AsAfterB() {
    for (String t : DATA) {
      assertEquals(AFTER_B_2017.get(t), rowsOf(t, 2017), t);
      assertEquals(
          AFTER_B_2017_FILES.get(t), filesOf(warehouse, t, 2017), t + ": the same data files");
    }
  }

  @Test
  @Order(1)
  void rollingBackToABringsBack2016AsAfterAUndoesCAndLeaves2017AsAfterB() {
    long settingsVersion = warehouse.lastCommit(Tables.EDITION_SETTINGS).version();
    CliRun r = rollback(A);
    String out = r.out();
    assertTrue(
        out.lines().anyMatch(l -> l.matches("Undoes run " + C.runId() + " \\(started [^)]+\\)\\.")),
        out);
    assertFalse(out.contains(B.runId()), "b, of edition 2017, is not undone: " + out);
    assertTrue(out.contains("runs of other editions are left as they are"), out);
    for (String t : DATA) {
      assertEquals(AFTER_A_2016.get(t), rowsOf(t, 2016), t);
    }
    assertTrue(
        out.contains("  trophies: edition 2016 removed (the table did not exist at run "), out);
    assertEquals(
        settingsVersion,
        warehouse.lastCommit(Tables.EDITION_SETTINGS).version(),
        "edition_settings' 2016 rows did not change since a: no commit");
    assert2017AsAfterB();

    String newest =
        CliRun.of("history", "--warehouse", warehouse.root()).out().lines().findFirst().get();
    assertTrue(newest.contains(", edition 2016, started "), newest);
    assertTrue(newest.endsWith(": rollback to run " + A.runId()), newest);
  }

  @Test
  @Order(2)
  void rollingBackToBThenLeaves2016AsItIs() {
    List<Row> before2016 = DATA.stream().flatMap(t -> rowsOf(t, 2016).stream()).toList();
    Map<String, Long> versions = versions();
    CliRun r = rollback(B);
    assertTrue(
        r.out().contains("Undoes no run: no completed run of edition 2017 after run " + B.runId()),
        r.out());
    assertEquals(before2016, DATA.stream().flatMap(t -> rowsOf(t, 2016).stream()).toList());
    assertEquals(versions, versions(), "2017 did not change since b: no table rewritten");
    assert2017AsAfterB();
  }

  @Test
  @Order(3)
  void aRollbackIsItselfRolledBackByGoingBackToC() {
    CliRun r = rollback(C);
    List<String> undone = r.out().lines().filter(l -> l.startsWith("Undoes ")).toList();
    assertEquals(1, undone.size(), r.out());
    assertTrue(
        undone
            .get(0)
            .matches("Undoes run \\S+ \\(started [^)]+, a rollback to run " + A.runId() + "\\)\\."),
        r.out());
    for (String t : DATA) {
      assertEquals(AFTER_C_2016.get(t), rowsOf(t, 2016), t);
    }
    assert2017AsAfterB();
  }

  @Test
  @Order(4)
  void aVersionWhoseFilesAreGoneIsRefusedInOneLine() throws Exception {
    Warehouse w = new Warehouse(SPARK, tmp.resolve("vacuumed").toString());
    RunInfo first = run("20160901T000000Z-0001", "2016-09-01 02:00:00");
    write(w, first, 2016, Map.of(Tables.STRUCTURES, rows(2016, "S1", "Mairie de Vire")));
    Set<String> firstFiles = filesOf(w, Tables.STRUCTURES, 2016);
    write(
        w,
        run("20161001T000000Z-0002", "2016-10-01 02:00:00"),
        2016,
        Map.of(Tables.STRUCTURES, rows(2016, "S1", "Mairie de Vire-Normandie")));
    // What a VACUUM with a short retention does: the files only the old version reads are gone.
    for (String file : firstFiles) {
      Files.delete(Path.of(java.net.URI.create(file)));
    }
    CliRun r = CliRun.of("rollback", "--run", first.runId(), "--warehouse", w.root());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(
        r.err().startsWith("barometer: Cannot roll back structures to version 0: "), r.err());
    assertTrue(
        r.err().endsWith(" does not exist; its files may have been removed by VACUUM\n"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertEquals(
        List.of("Mairie de Vire-Normandie"),
        rowsOf(w, Tables.STRUCTURES, 2016).stream().map(x -> x.getString(2)).toList());
  }
}
