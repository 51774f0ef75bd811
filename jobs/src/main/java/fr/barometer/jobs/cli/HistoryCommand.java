package fr.barometer.jobs.cli;

import static org.apache.spark.sql.functions.col;

import fr.barometer.common.domain.BarometerException;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import fr.barometer.jobs.run.RunLog;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE},
    footerHeading = "%nExample:%n",
    footer = "  bin/barometer history --edition 2017",
    description =
        "List the runs, newest first: per-input counts and the Delta version of each table after"
            + " the run.")
public final class HistoryCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;

  @Option(names = "--edition", description = "Only the runs of this edition.")
  Integer edition;

  @Override
  public Integer call() {
    SparkSession session = spark.session("barometer history");
    Warehouse warehouse = spark.warehouse(session);
    if (!warehouse.exists(Tables.RUN_LOG)) {
      throw new BarometerException(
          "Cannot list the runs: "
              + warehouse.root()
              + " holds no run_log; run 'barometer run --landing DIR' first");
    }
    Map<String, List<Row>> logs =
        byRun(
            filtered(warehouse, Tables.RUN_LOG)
                .select(
                    "run_id",
                    "edition",
                    "started_at",
                    "step",
                    "input",
                    "rows_read",
                    "rows_kept",
                    "rows_quarantined",
                    "rows_collapsed",
                    "rows_ineligible",
                    "reconciled"),
            "input");
    Map<String, List<Row>> versions =
        warehouse.exists(Tables.RUN_TABLES)
            ? byRun(
                filtered(warehouse, Tables.RUN_TABLES).select("run_id", "table_name", "version"),
                "table_name")
            : Map.of();
    print(System.out, logs, versions);
    return 0;
  }

  private Dataset<Row> filtered(Warehouse warehouse, String table) {
    return edition == null ? warehouse.read(table) : warehouse.read(table, edition);
  }

  /**
   * Rows by run id, newest run first (run ids sort by their start time), each run's sorted by
   * {@code within}.
   */
  private static Map<String, List<Row>> byRun(Dataset<Row> rows, String within) {
    Map<String, List<Row>> runs = new TreeMap<>(java.util.Comparator.reverseOrder());
    for (Row r : rows.orderBy(col("run_id"), col(within)).collectAsList()) {
      runs.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
    }
    return runs;
  }

  private static void print(
      PrintStream out, Map<String, List<Row>> logs, Map<String, List<Row>> versions) {
    if (logs.isEmpty()) {
      out.println("No run recorded.");
    }
    for (Map.Entry<String, List<Row>> run : logs.entrySet()) {
      List<Row> rows = run.getValue();
      Row first = rows.get(0);
      boolean rollback = RunLog.ROLLBACK_STEP.equals(first.getString(3));
      out.printf(
          "Run %s, edition %d, started %s: %s%n",
          run.getKey(),
          first.getInt(1),
          first.getTimestamp(2),
          rollback ? "rollback to run " + first.getString(4) : "run");
      if (!rollback) {
        out.printf(
            "  %-18s %10s %10s %12s %10s %11s  %s%n",
            "input", "read", "kept", "quarantined", "collapsed", "ineligible", "reconciled");
        for (Row r : rows) {
          out.printf(
              "  %-18s %10d %10d %12d %10d %11d  %s%n",
              r.getString(4),
              r.getLong(5),
              r.getLong(6),
              r.getLong(7),
              r.getLong(8),
              r.getLong(9),
              r.getBoolean(10) ? "yes" : "NO");
        }
      }
      List<Row> tables = versions.getOrDefault(run.getKey(), List.of());
      out.println(
          tables.isEmpty()
              ? "  table versions: none recorded (the run stopped before its end: it cannot be"
                  + " rolled back to)"
              : "  table versions: "
                  + tables.stream()
                      .map(t -> t.getString(1) + "@" + t.getLong(2))
                      .collect(Collectors.joining(" ")));
    }
  }
}
