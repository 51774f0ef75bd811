package fr.barometer.jobs.cli;

import fr.barometer.common.io.Warehouse;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE},
    footerHeading = "%nExample:%n",
    footer =
        "  bin/barometer sql \"SELECT peer_group, count(*) FROM structure_scores GROUP BY"
            + " peer_group\"",
    description = "Run Spark SQL with every warehouse table registered under its name.")
public final class SqlCommand implements Callable<Integer> {
  enum Format {
    table,
    csv,
    json
  }

  @Mixin SparkOptions spark;

  @Parameters(
      index = "0",
      description = "The query, e.g. \"SELECT * FROM structure_scores LIMIT 10\".")
  String query;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--limit",
      defaultValue = "1000",
      description = "Rows printed at most (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() throws IOException {
    SparkSession session = spark.session("barometer sql");
    Warehouse warehouse = spark.warehouse(session);
    for (String table : warehouse.tables()) {
      warehouse.read(table).createOrReplaceTempView(table);
    }
    print(session.sql(query), System.out);
    return 0;
  }

  private void print(Dataset<Row> result, PrintStream out) throws IOException {
    switch (format) {
      case table -> out.print(result.showString(limit, 0, false));
      case json -> result.toJSON().limit(limit).collectAsList().forEach(out::println);
      case csv -> {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv =
            new CSVPrinter(text, CSVFormat.DEFAULT.builder().setHeader(result.columns()).get())) {
          for (Row row : result.limit(limit).collectAsList()) {
            for (int i = 0; i < row.length(); i++) {
              csv.print(row.get(i));
            }
            csv.println();
          }
        }
        out.print(text);
      }
    }
  }
}
