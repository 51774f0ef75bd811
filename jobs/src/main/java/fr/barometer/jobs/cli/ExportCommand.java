package fr.barometer.jobs.cli;

import fr.barometer.common.domain.BarometerException;
import fr.barometer.common.io.Warehouse;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE},
    footerHeading = "%nExample:%n",
    footer =
        "  bin/barometer export --table structure_scores --format csv --out /tmp/scores --edition"
            + " 2017",
    description =
        "Write one warehouse table (optionally one edition) as CSV, Parquet or JSON files.")
public final class ExportCommand implements Callable<Integer> {
  enum Format {
    csv,
    parquet,
    json
  }

  @Mixin SparkOptions spark;

  @Option(names = "--table", required = true, description = "Table name, e.g. structure_scores.")
  String table;

  @Option(names = "--format", required = true, description = "csv, parquet or json.")
  Format format;

  @Option(names = "--out", required = true, description = "Output folder (replaced).")
  String out;

  @Option(names = "--edition", description = "Only this edition.")
  Integer edition;

  @Override
  public Integer call() {
    SparkSession session = spark.session("barometer export");
    Warehouse warehouse = spark.warehouse(session);
    if (!warehouse.exists(table)) {
      throw BarometerException.cannotRead(
          warehouse.path(table),
          "no such table in the warehouse; list them with: barometer sql \"SHOW TABLES\"");
    }
    Dataset<Row> rows = edition == null ? warehouse.read(table) : warehouse.read(table, edition);
    rows.coalesce(1)
        .write()
        .mode("overwrite")
        .option("header", "true")
        .format(format.name())
        .save(out);
    System.out.println("Exported " + table + " to " + out);
    return 0;
  }
}
