package fr.barometer.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Every Delta table of a warehouse folder as sorted row strings, without what changes from one run
 * to the next by design (run ids and times, and the run log, which is a history). Doubles are
 * rounded: the same figures summed in another order may differ in the last bit.
 */
final class WarehouseSnapshot {
  static final List<String> RUN_COLUMNS = List.of("run_id", "quarantined_at", "ingested_at");

  private WarehouseSnapshot() {}

  static Map<String, List<String>> of(SparkSession spark, Path warehouse) {
    Map<String, List<String>> tables = new TreeMap<>();
    for (Path table : deltaTables(warehouse)) {
      String name = table.getFileName().toString();
      // The run history differs by nature: run ids, times, and table versions after kills.
      if (!name.equals("run_log") && !name.equals("run_tables")) {
        tables.put(name, rows(spark.read().format("delta").load(table.toString())));
      }
    }
    return tables;
  }

  /**
   * The folders of the warehouse that are Delta tables: their log holds a commit. A table whose
   * first write was under way when its run was killed has a log folder and data files but no
   * commit: it does not exist yet, for Delta as for the barometer's commands.
   */
  static List<Path> deltaTables(Path warehouse) {
    try (Stream<Path> dirs = Files.list(warehouse)) {
      return dirs.filter(WarehouseSnapshot::hasCommit).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hasCommit(Path table) {
    return commits(table.resolve("_delta_log")) > 0;
  }

  /** The commit files in a Delta log folder; 0 when there is no such folder. */
  static long commits(Path log) {
    if (!Files.isDirectory(log)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(log)) {
      return files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.json")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> rows(Dataset<Row> table) {
    Column[] columns = Arrays.stream(table.schema().fields())
        .filter(f -> !RUN_COLUMNS.contains(f.name()))
        .map(WarehouseSnapshot::comparable)
        .toArray(Column[]::new);
    return table.select(columns).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static Column comparable(StructField f) {
    return f.dataType().equals(DataTypes.DoubleType) ? round(col(f.name()), 9).as(f.name()) : col(f.name());
  }
}
