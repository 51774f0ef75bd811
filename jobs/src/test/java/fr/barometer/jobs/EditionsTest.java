package fr.barometer.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.barometer.common.SparkTestSession;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two editions in one warehouse: the fixture's 2017, then a 2016 made from it (dates a year
 * earlier, Paris a smaller town so that it changes stratum, and a grid that differs from 2017's by
 * a dropped item, an added one, a weight and a threshold). Running one edition never changes the
 * other's rows, but the evolution of 2017, which rests on 2016.
 */
@Tag("end-to-end")
class EditionsTest {
  private static final SparkSession SPARK = SparkTestSession.get();
  private static final Set<String> COMPARISONS = Set.of("evolution", "barometer_series");

  @TempDir static Path tmp;
  private static Path warehouse;
  private static Map<Integer, Map<String, List<String>>> before2016;
  private static Map<Integer, Map<String, List<String>>> after2016;
  private static Map<Integer, Map<String, List<String>>> afterRerun;
  private static CliRun rerun;
  private static CliRun unchanged;
  private static Map<String, Long> versionsBeforeUnchanged;
  private static Map<String, Long> versionsAfterUnchanged;

  @BeforeAll
  static void runBothEditions() throws IOException {
    warehouse = FixtureWarehouse.copyTo(tmp.resolve("warehouse"));
    Path landing2016 = landing2016(tmp.resolve("landing-2016"));
    before2016 = snapshot();
    CliRun run2016 =
        CliRun.of("run", "--landing", landing2016.toString(), "--warehouse", warehouse.toString());
    assertEquals(0, run2016.code(), run2016.out() + run2016.err());
    after2016 = snapshot();
    rerun =
        CliRun.of(
            "run",
            "--landing",
            CliRun.resource("/IngestJobTest/landing"),
            "--warehouse",
            warehouse.toString());
    afterRerun = snapshot();
    versionsBeforeUnchanged = versions();
    unchanged =
        CliRun.of(
            "run",
            "--landing",
            CliRun.resource("/IngestJobTest/landing"),
            "--warehouse",
            warehouse.toString());
    versionsAfterUnchanged = versions();
  }

  /** Each data table's Delta version (the run records, which grow, aside). */
  private static Map<String, Long> versions() {
    Warehouse tables = new Warehouse(SPARK, warehouse.toString());
    return tables.tables().stream()
        .filter(t -> !Tables.RUN_RECORDS.contains(t))
        .collect(
            Collectors.toMap(
                t -> t, t -> tables.lastCommit(t).version(), (a, b) -> a, TreeMap::new));
  }

  @Test
  void aRunWithNothingNewWritesNoTable() {
    assertEquals(0, unchanged.code(), unchanged.out() + unchanged.err());
    assertTrue(
        unchanged.out().contains("edition 2017: nothing changed since run "), unchanged.out());
    assertEquals(versionsBeforeUnchanged, versionsAfterUnchanged);
    Warehouse tables = new Warehouse(SPARK, warehouse.toString());
    assertEquals(
        1, tables.read(Tables.RUN_LOG, 2017).where(col("step").equalTo("unchanged")).count());
  }

  @Test
  void theReportsShowTheEvolution() throws IOException {
    Path out = tmp.resolve("reports");
    CliRun report =
        CliRun.of(
            "report",
            "--edition",
            "2017",
            "--out",
            out.toString(),
            "--warehouse",
            warehouse.toString());
    assertEquals(0, report.code(), report.out() + report.err());
    String national = Files.readString(out.resolve("national.html"));
    assertTrue(national.contains("<h2>Évolution</h2>"), national);
    assertTrue(national.contains("<td>2016</td>"), national);
    String paris = Files.readString(out.resolve("structures/S1.html"));
    assertTrue(paris.contains("<h2>Évolution depuis 2016</h2>"), paris);
    // PH04's weight changed: the phone's change is on the common items.
    String caf = Files.readString(out.resolve("structures/S2.html"));
    assertTrue(caf.contains("grille modifiée : comparé sur les seules questions communes"), caf);
  }

  @Test
  void rollingBackAnEarlierEditionComparesTheLaterOnesAgain() {
    Warehouse tables = new Warehouse(SPARK, warehouse.toString());
    String run2016 =
        tables
            .read(Tables.RUN_TABLES, 2016)
            .select("run_id")
            .distinct()
            .collectAsList()
            .get(0)
            .getString(0);
    List<String> evolution = WarehouseSnapshot.of(SPARK, warehouse, 2017).get("evolution");
    CliRun rollback = CliRun.of("rollback", "--run", run2016, "--warehouse", warehouse.toString());
    assertEquals(0, rollback.code(), rollback.out() + rollback.err());
    assertTrue(
        rollback.out().contains("Evolution of edition(s) [2017] compared again"), rollback.out());
    assertEquals(evolution, WarehouseSnapshot.of(SPARK, warehouse, 2017).get("evolution"));
  }

  @Test
  void aRunOfAnEarlierEditionMakesTheLaterOneRunAgain() {
    // 2016 ran after 2017's first run: the rerun of 2017 was not "unchanged".
    assertTrue(!rerun.out().contains("nothing changed"), rerun.out());
  }

  @Test
  void runningAnEarlierEditionLeavesTheLaterOnesTablesAsTheyWereButItsEvolution() {
    assertEquals(0, rerun.code(), rerun.out() + rerun.err());
    for (String table : before2016.get(2017).keySet()) {
      if (!COMPARISONS.contains(table)) {
        assertEquals(
            editionRows(before2016, table, 2017),
            editionRows(after2016, table, 2017),
            table + " of 2017 changed when 2016 ran");
      }
    }
    assertTrue(editionRows(before2016, "evolution", 2017).isEmpty());
    assertTrue(!editionRows(after2016, "evolution", 2017).isEmpty());
  }

  @Test
  void runningALaterEditionAgainLeavesTheEarlierOnesRowsAsTheyWere() {
    for (String table : after2016.get(2016).keySet()) {
      assertEquals(
          editionRows(after2016, table, 2016),
          editionRows(afterRerun, table, 2016),
          table + " of 2016 changed when 2017 ran again");
    }
    // Nothing changed: the evolution comes out the same.
    assertEquals(
        editionRows(after2016, "evolution", 2017), editionRows(afterRerun, "evolution", 2017));
  }

  @Test
  void theEvolutionShowsEachBasisAndThePeerGroupChange() {
    Warehouse tables = new Warehouse(SPARK, warehouse.toString());
    Map<String, Long> bases =
        tables.read("evolution", 2017).groupBy("basis").count().collectAsList().stream()
            .collect(
                Collectors.toMap(
                    r -> r.getString(0), r -> r.getLong(1), (a, b) -> a, TreeMap::new));
    assertEquals(
        Set.of("SAME_GRID", "COMMON_ITEMS", "NOT_COMPARABLE"), bases.keySet(), bases.toString());
    // The basis is the grids' and the same for every structure.
    Map<String, String> basisOf =
        tables
            .read("evolution", 2017)
            .select("measure", "basis")
            .distinct()
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r.getString(1)));
    // PH04 weighs 2 in 2017 and 1 in 2016; EM02 is new in 2017; C04's two delays changed their
    // thresholds; WEB is untouched.
    assertEquals("COMMON_ITEMS", basisOf.get("CHANNEL:PHONE"));
    assertEquals("COMMON_ITEMS", basisOf.get("CHANNEL:EMAIL"));
    assertEquals("NOT_COMPARABLE", basisOf.get("CRITERION:C04"));
    Row paris =
        tables
            .read("evolution", 2017)
            .where(col("structure_id").equalTo("S1").and(col("measure").equalTo("OVERALL")))
            .first();
    assertEquals(2016, (int) paris.getAs("previous_edition"));
    assertEquals("S4", paris.getAs("previous_peer_group"));
    assertEquals("S5", paris.getAs("peer_group"));
    assertTrue(paris.<Boolean>getAs("peer_group_changed"));
    assertNull(paris.getAs("rank_change"));
    long series =
        tables.read("barometer_series", 2017).where(col("previous_edition").equalTo(2016)).count();
    assertTrue(series > 0);
  }

  /** Each edition's rows of every table. */
  private static Map<Integer, Map<String, List<String>>> snapshot() {
    return Map.of(
        2016, WarehouseSnapshot.of(SPARK, warehouse, 2016),
        2017, WarehouseSnapshot.of(SPARK, warehouse, 2017));
  }

  private static List<String> editionRows(
      Map<Integer, Map<String, List<String>>> snapshot, String table, int edition) {
    return snapshot.get(edition).getOrDefault(table, List.of());
  }

  /** The fixture a year earlier, with Paris under 100,000 inhabitants and 2016's grid. */
  static Path landing2016(Path target) throws IOException {
    Path landing = Folders.copy(Path.of(CliRun.resource("/IngestJobTest/landing")), target);
    try (Stream<Path> files = Files.walk(landing)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replace("2017-", "2016-").replace(": 2017", ": 2016"));
      }
    }
    Path communes = landing.resolve("reference/communes.csv");
    Files.writeString(
        communes,
        Files.readString(communes).replace(",2133111,", ",95000,"),
        StandardCharsets.UTF_8);
    Files.writeString(
        landing.resolve("edition.json"),
        shipped("edition.json").replace("2017", "2016"),
        StandardCharsets.UTF_8);
    Files.writeString(landing.resolve("referential.json"), grid2016(), StandardCharsets.UTF_8);
    return landing;
  }

  /** 2017's grid but: no EM02, an EM08 of 2016 only, PH04 weighs 1, EM03 and LE03 other delays. */
  private static String grid2016() throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode grid = (ObjectNode) json.readTree(shipped("referential.json"));
    ArrayNode items = (ArrayNode) grid.get("items");
    for (int i = items.size() - 1; i >= 0; i--) {
      ObjectNode item = (ObjectNode) items.get(i);
      switch (item.get("id").asText()) {
        case "EM02" -> items.remove(i);
        case "PH04" -> item.put("weight", 1);
        case "EM03", "LE03" -> item.put("zero_after", item.get("zero_after").asInt() + 5);
        default -> {}
      }
    }
    ObjectNode added = items.addObject();
    added
        .put("id", "EM08")
        .put("channel", "EMAIL")
        .put("criterion", "C02")
        .put("step", "TRAITEMENT");
    added.put("label", "Réponse signée").put("type", "BOOLEAN").put("weight", 1);
    return json.writerWithDefaultPrettyPrinter().writeValueAsString(grid);
  }

  private static String shipped(String name) throws IOException {
    try (InputStream in =
        EditionsTest.class.getResourceAsStream("/fr/barometer/defaults/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
