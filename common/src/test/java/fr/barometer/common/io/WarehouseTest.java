package fr.barometer.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.SparkTestSession;
import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseTest {
  private static final SparkSession SPARK = SparkTestSession.get();
  private static final StructType SCHEMA =
      new StructType()
          .add("edition", DataTypes.IntegerType, false)
          .add("value", DataTypes.StringType, true);

  @TempDir Path tmp;

  private static Dataset<Row> rows(int edition, String... values) {
    return SPARK.createDataFrame(
        List.of(values).stream().map(v -> RowFactory.create(edition, v)).toList(), SCHEMA);
  }

  private static List<String> values(Warehouse warehouse, String table, int edition) {
    return warehouse.read(table, edition).orderBy("value").collectAsList().stream()
        .map(r -> r.<String>getAs("value"))
        .toList();
  }

  @Test
  void aReplacedEditionReturnsItsRowCountAndLeavesOtherEditionsAlone() {
    Warehouse warehouse = new Warehouse(SPARK, tmp.toString());
    assertEquals(2, warehouse.replaceEdition("t", 2017, rows(2017, "a", "b")));
    assertEquals(1, warehouse.replaceEdition("t", 2018, rows(2018, "z")));
    assertEquals(1, warehouse.replaceEdition("t", 2017, rows(2017, "c")));
    assertEquals(List.of("c"), values(warehouse, "t", 2017));
    assertEquals(List.of("z"), values(warehouse, "t", 2018));
    assertEquals(4, warehouse.rowsWritten());
  }

  @Test
  void keptReadsServeAnEditionFromMemoryUntilItsTableIsWritten() throws Exception {
    Warehouse run = new Warehouse(SPARK, tmp.toString());
    run.replaceEdition("t", 2017, rows(2017, "a"));
    run.replaceEdition("t", 2018, rows(2018, "z"));
    run.replaceEdition("u", 2017, rows(2017, "u1"));
    run.keepEditionReads(true);
    assertEquals(List.of("a"), values(run, "t", 2017));
    assertEquals(List.of("u1"), values(run, "u", 2017));
    Dataset<Row> keptU = run.read("u", 2017);
    assertNotEquals(StorageLevel.NONE(), keptU.storageLevel());
    // Served from memory: the edition's data files can be gone.
    deleteDataFiles(tmp.resolve("t/edition=2017"));
    assertEquals(List.of("a"), values(run, "t", 2017));
    // A write of the table: its next reads are its new content, every edition of it.
    run.replaceEdition("t", 2017, rows(2017, "c", "d"));
    assertEquals(List.of("c", "d"), values(run, "t", 2017));
    assertEquals(List.of("z"), values(run, "t", 2018));
    // Off again: nothing stays cached, and every read is a Delta read.
    run.keepEditionReads(false);
    assertEquals(StorageLevel.NONE(), keptU.storageLevel());
    deleteDataFiles(tmp.resolve("u/edition=2017"));
    assertThrows(Exception.class, () -> values(run, "u", 2017));
  }

  private static void deleteDataFiles(Path partition) throws java.io.IOException {
    try (var files = Files.list(partition)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
  }

  @Test
  void severalTablesAreWrittenAtOnceEachInItsOwnCommit() {
    Warehouse warehouse = new Warehouse(SPARK, tmp.toString());
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    for (String t : List.of("t1", "t2", "t3", "t4")) {
      tables.put(t, rows(2017, t + "-a", t + "-b"));
    }
    tables.put("t5", rows(2017, "t5-a"));
    assertEquals(
        Map.of("t1", 2L, "t2", 2L, "t3", 2L, "t4", 2L, "t5", 1L),
        warehouse.replaceEditions(2017, tables));
    for (String t : tables.keySet()) {
      assertEquals(
          t.equals("t5") ? List.of("t5-a") : List.of(t + "-a", t + "-b"),
          values(warehouse, t, 2017));
      assertEquals(0, warehouse.lastCommit(t).version());
    }
    assertEquals(9, warehouse.rowsWritten());
  }

  @Test
  void aFailedWriteIsRethrownOnceTheOthersHaveEnded() {
    Warehouse warehouse = new Warehouse(SPARK, tmp.toString());
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("good", rows(2017, "x"));
    // A table holding a string where the first write put an integer: Delta refuses the schema.
    warehouse.replaceEdition(
        "bad",
        2017,
        SPARK.createDataFrame(
            List.of(RowFactory.create(2017, 1)),
            new StructType()
                .add("edition", DataTypes.IntegerType)
                .add("value", DataTypes.IntegerType)));
    tables.put("bad", rows(2017, "y"));
    tables.put("also_good", rows(2017, "w"));
    RuntimeException e =
        assertThrows(RuntimeException.class, () -> warehouse.replaceEditions(2017, tables));
    assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), String.valueOf(e));
    assertEquals(List.of("x"), values(warehouse, "good", 2017));
    assertEquals(List.of("w"), values(warehouse, "also_good", 2017));
  }

  @Test
  void theLastCommitReadFromTheLogIsTheOneDeltaHistoryShows() {
    Warehouse warehouse = new Warehouse(SPARK, tmp.toString());
    warehouse.replaceEdition("t", 2017, rows(2017, "a", "b", "c"));
    warehouse.replaceEdition("t", 2018, rows(2018, "z"));
    warehouse.replaceEdition("t", 2017, rows(2017, "d", "e"));
    Row history =
        DeltaTable.forPath(SPARK, warehouse.path("t"))
            .history(1)
            .select("version", "timestamp")
            .first();
    Warehouse.Commit last = warehouse.lastCommit("t");
    assertEquals(2, last.version());
    assertEquals(history.getLong(0), last.version());
    assertEquals(history.getTimestamp(1), last.committedAt());
    assertEquals(2, last.outputRows());
  }

  @Test
  void anEditionGoesBackToAnOldVersionAndTheOthersStayAsTheyAre() {
    Warehouse warehouse = new Warehouse(SPARK, tmp.toString());
    warehouse.replaceEdition("t", 2017, rows(2017, "a", "b"));
    warehouse.replaceEdition("t", 2018, rows(2018, "z"));
    assertFalse(warehouse.editionChangedSince("t", 2017, 0), "version 1 wrote 2018 only");
    assertTrue(warehouse.editionChangedSince("t", 2018, 0));
    warehouse.replaceEdition("t", 2017, rows(2017, "c"));
    warehouse.replaceEdition("t", 2018, rows(2018, "y"));
    assertTrue(warehouse.editionChangedSince("t", 2017, 0));
    assertFalse(warehouse.editionChangedSince("t", 2017, 2));
    assertFalse(warehouse.editionChangedSince("t", 2018, 3), "no commit since");

    assertEquals(2, warehouse.restoreEdition("t", 2017, 0));
    assertEquals(List.of("a", "b"), values(warehouse, "t", 2017));
    assertEquals(List.of("y"), values(warehouse, "t", 2018));
    assertEquals(4, warehouse.lastCommit("t").version());

    warehouse.deleteEdition("t", 2017);
    assertEquals(List.of(), values(warehouse, "t", 2017));
    assertEquals(List.of("y"), values(warehouse, "t", 2018));
    assertEquals(5, warehouse.lastCommit("t").version());
    assertTrue(warehouse.editionChangedSince("t", 2017, 4));
    assertFalse(warehouse.editionChangedSince("t", 2018, 4));
  }

  @Test
  void aFolderWhoseLogHoldsNoCommitIsNotATable() throws Exception {
    Warehouse warehouse = new Warehouse(SPARK, tmp.toString());
    // What a first write killed before its commit leaves behind.
    Files.createDirectories(tmp.resolve("half_written").resolve("_delta_log"));
    warehouse.replaceEdition("t", 2017, rows(2017, "a"));
    assertFalse(warehouse.exists("half_written"));
    assertFalse(warehouse.exists("never_written"));
    assertTrue(warehouse.exists("t"));
    assertEquals(List.of("t"), warehouse.tables());
    assertThrows(RuntimeException.class, () -> warehouse.lastCommit("half_written"));
  }
}
