package fr.barometer.jobs.cli;

import fr.barometer.common.domain.BarometerException;
import fr.barometer.common.io.InputCounts;
import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import fr.barometer.jobs.run.Pipeline;
import fr.barometer.jobs.run.RunLock;
import fr.barometer.jobs.run.RunLog;
import fr.barometer.jobs.run.RunTables;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE},
    footerHeading = "%nExample:%n",
    footer = "  bin/barometer rollback --run <run id from history>",
    description =
        "Restore every table to its Delta version right after a run (see 'history'). "
            + "Whole tables are restored: later runs of every edition are undone.")
public final class RollbackCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;

  @Option(
      names = "--run",
      required = true,
      description = "The run id to go back to, as 'history' lists it.")
  String target;

  @Override
  public Integer call() {
    SparkSession session = spark.session("barometer rollback");
    Warehouse warehouse = spark.warehouse(session);
    RunInfo run = RunInfo.start();
    try (RunLock lock = spark.lock(session, run, "rollback")) {
      Map<String, Long> versions = RunTables.versions(warehouse, target);
      if (versions.isEmpty()) {
        throw new BarometerException(
            "Cannot roll back to run "
                + target
                + ": no such completed run in "
                + warehouse.path(Tables.RUN_TABLES)
                + "; list the runs with 'barometer history'");
      }
      int edition = RunTables.edition(warehouse, target);
      Pipeline.timed(warehouse, "rollback", () -> restore(warehouse, versions));
      // Logged like a run, so history shows it and a rollback can itself be rolled back.
      RunLog.append(
          session,
          warehouse,
          run,
          edition,
          HistoryCommand.ROLLBACK_STEP,
          List.of(new InputCounts(target, 0, 0, 0, 0, 0)));
      RunTables.record(session, warehouse, run, edition);
    }
    System.out.println(
        "Rolled back to run " + target + " as run " + run.runId() + " in " + warehouse.root());
    return 0;
  }

  /** Restores each table that changed since; run_log and run_tables keep growing. */
  private void restore(Warehouse warehouse, Map<String, Long> versions) {
    for (Map.Entry<String, Long> table : versions.entrySet()) {
      String name = table.getKey();
      long version = table.getValue();
      if (Tables.RUN_RECORDS.contains(name) || warehouse.lastCommit(name).version() == version) {
        continue;
      }
      try {
        warehouse.restore(name, version);
      } catch (RuntimeException e) {
        throw new BarometerException(
            "Cannot roll back "
                + name
                + " to version "
                + version
                + ": "
                + BarometerException.firstLine(e)
                + "; its files may have been removed by VACUUM",
            e);
      }
      System.out.println("  " + name + " restored to version " + version);
    }
  }
}
