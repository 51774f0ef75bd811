package fr.barometer.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;

import fr.barometer.common.io.Warehouse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

  /**
   * Writes the snapshot of a warehouse folder to a text file, one table after another, so that two
   * warehouses (before and after a change) compare with diff: WAREHOUSE OUT_FILE.
   */
  public static void main(String[] args) throws java.io.IOException {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("warehouse snapshot")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .getOrCreate();
    List<String> lines = new java.util.ArrayList<>();
    of(spark, Path.of(args[0]))
        .forEach(
            (table, rows) -> {
              lines.add("## " + table + " (" + rows.size() + " rows)");
              lines.addAll(rows);
            });
    java.nio.file.Files.write(Path.of(args[1]), lines);
    spark.stop();
  }

  static Map<String, List<String>> of(SparkSession spark, Path warehouse) {
    return of(spark, warehouse, null);
  }

  /** One edition's rows of every table (all rows when {@code edition} is null). */
  static Map<String, List<String>> of(SparkSession spark, Path warehouse, Integer edition) {
    Map<String, List<String>> tables = new TreeMap<>();
    // A table counts once its log holds a commit, as for Delta and the commands (Warehouse.tables).
    Warehouse tablesOf = new Warehouse(spark, warehouse.toString());
    for (String name : tablesOf.tables()) {
      // The run history differs by nature: run ids, times, and table versions after kills.
      if (!fr.barometer.common.io.Tables.RUN_RECORDS.contains(name)) {
        tables.put(
            name, rows(edition == null ? tablesOf.read(name) : tablesOf.read(name, edition)));
      }
    }
    return tables;
  }

  private static List<String> rows(Dataset<Row> table) {
    Column[] columns =
        Arrays.stream(table.schema().fields())
            .filter(f -> !RUN_COLUMNS.contains(f.name()))
            .map(WarehouseSnapshot::comparable)
            .toArray(Column[]::new);
    return table.select(columns).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static Column comparable(StructField f) {
    return f.dataType().equals(DataTypes.DoubleType)
        ? round(col(f.name()), 9).as(f.name())
        : col(f.name());
  }
}
