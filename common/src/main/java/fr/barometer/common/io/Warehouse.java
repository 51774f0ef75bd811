package fr.barometer.common.io;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The Delta tables of one warehouse folder. Writes replace one edition's partition in a single
 * Delta commit, so a re-run never doubles rows and a run killed half-way leaves the previous
 * version of every table readable.
 */
public final class Warehouse {
  private final SparkSession spark;
  private final String root;

  public Warehouse(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public String root() {
    return root;
  }

  public String path(String table) {
    return root + "/" + table;
  }

  public boolean exists(String table) {
    return DeltaTable.isDeltaTable(spark, path(table));
  }

  /** The whole table. */
  public Dataset<Row> read(String table) {
    return spark.read().format("delta").load(path(table));
  }

  /** One edition's rows. */
  public Dataset<Row> read(String table, int edition) {
    return read(table).where(functions.col("edition").equalTo(edition));
  }

  /** Replaces the edition's partition with {@code rows}, atomically. */
  public void replaceEdition(String table, int edition, Dataset<Row> rows) {
    rows.where(functions.col("edition").equalTo(edition))
        .write()
        .format("delta")
        .mode("overwrite")
        .option("replaceWhere", "edition = " + edition)
        .partitionBy("edition")
        .save(path(table));
  }

  /**
   * Replaces the rows that came from {@code sourceFiles} (a file may bring none: its rows are only
   * deleted) with {@code rows}, in one Delta commit: a file read again never doubles its rows.
   */
  public void replaceSourceFiles(String table, int edition, Collection<String> sourceFiles, Dataset<Row> rows) {
    String names = sourceFiles.stream().map(Warehouse::sqlString).collect(Collectors.joining(", "));
    rows.where(functions.col("edition").equalTo(edition))
        .write()
        .format("delta")
        .mode("overwrite")
        .option("replaceWhere", "edition = " + edition + " AND source_file IN (" + names + ")")
        .partitionBy("edition")
        .save(path(table));
  }

  private static String sqlString(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** Adds rows (the run log only: it is a history, not a result). */
  public void append(String table, Dataset<Row> rows) {
    rows.write().format("delta").mode("append").partitionBy("edition").save(path(table));
  }

  public static String defaultRoot() {
    return Path.of("warehouse").toAbsolutePath().toString();
  }
}
