package fr.barometer.jobs.cli;

import fr.barometer.common.domain.BarometerException;
import fr.barometer.common.io.InputCounts;
import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import fr.barometer.jobs.evolution.EvolutionJob;
import fr.barometer.jobs.run.Pipeline;
import fr.barometer.jobs.run.RunLock;
import fr.barometer.jobs.run.RunLog;
import fr.barometer.jobs.run.RunTables;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
        "Bring the run's edition back to what it was right after the run (see 'history'): in every"
            + " table, that edition's rows are rewritten as they were at the Delta version the run"
            + " recorded; a table created since loses its rows of that edition. The later runs of"
            + " that edition are undone, and listed first. Runs of other editions are never"
            + " undone: their rows are left as they are.")
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
    int edition;
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
      edition = RunTables.edition(warehouse, target);
      System.out.println(
          "Rolling back edition "
              + edition
              + " to run "
              + target
              + "; runs of other editions are left as they are.");
      System.out.println(undone(RunTables.completedAfter(warehouse, edition, target), edition));
      Pipeline.timed(warehouse, "rollback", () -> restore(warehouse, edition, versions));
      // The later editions' comparisons rest on this edition's rows: compared again with them.
      List<Integer> later =
          Pipeline.timed(
              warehouse, "evolution", () -> EvolutionJob.runLaterThan(session, warehouse, edition));
      if (!later.isEmpty()) {
        System.out.println(
            "Evolution of edition(s) "
                + later
                + " compared again with the restored edition "
                + edition);
      }
      // Logged like a run, so history shows it and a rollback can itself be rolled back.
      RunLog.append(
          session,
          warehouse,
          run,
          edition,
          RunLog.ROLLBACK_STEP,
          List.of(new InputCounts(target, 0, 0, 0, 0, 0)));
      RunTables.record(session, warehouse, run, edition);
    }
    System.out.println(
        "Rolled back edition "
            + edition
            + " to run "
            + target
            + " as run "
            + run.runId()
            + " in "
            + warehouse.root());
    return 0;
  }

  /** The line naming the runs the rollback undoes, or saying there are none. */
  private String undone(List<RunTables.Completed> runs, int edition) {
    if (runs.isEmpty()) {
      return "Undoes no run: no completed run of edition " + edition + " after run " + target + ".";
    }
    return "Undoes "
        + runs.stream()
            .map(
                r ->
                    "run "
                        + r.runId()
                        + " (started "
                        + r.startedAt()
                        + (r.rolledBackTo() == null
                            ? ""
                            : ", a rollback to run " + r.rolledBackTo())
                        + ")")
            .collect(Collectors.joining(", "))
        + ".";
  }

  /**
   * Rewrites the edition's rows of each table whose rows of it changed since the run; removes them
   * from a table created since. run_log and run_tables keep growing.
   */
  private void restore(Warehouse warehouse, int edition, Map<String, Long> versions) {
    int unchanged = 0;
    List<String> present = warehouse.tables();
    for (String name : present) {
      if (Tables.RUN_RECORDS.contains(name)) {
        continue;
      }
      Long version = versions.get(name);
      if (version == null) {
        // Created after the run: its rows of the edition did not exist then.
        if (warehouse.read(name, edition).isEmpty()) {
          unchanged++;
        } else {
          warehouse.deleteEdition(name, edition);
          System.out.println(
              "  "
                  + name
                  + ": edition "
                  + edition
                  + " removed (the table did not exist at run "
                  + target
                  + ")");
        }
      } else if (!warehouse.editionChangedSince(name, edition, version)) {
        unchanged++;
      } else {
        long rows = restoreEdition(warehouse, name, edition, version);
        System.out.println(
            "  "
                + name
                + ": edition "
                + edition
                + " restored to version "
                + version
                + " ("
                + rows
                + (rows == 1 ? " row)" : " rows)"));
      }
    }
    for (String name : versions.keySet()) {
      if (!Tables.RUN_RECORDS.contains(name) && !present.contains(name)) {
        System.out.println(
            "  "
                + name
                + ": recorded by run "
                + target
                + " but no longer in the warehouse: left out");
      }
    }
    System.out.println(
        "  "
            + unchanged
            + " tables left as they were (no change to edition "
            + edition
            + " since run "
            + target
            + ")");
  }

  private long restoreEdition(Warehouse warehouse, String name, int edition, long version) {
    try {
      return warehouse.restoreEdition(name, edition, version);
    } catch (Exception e) { // Spark's job failures are checked exceptions thrown unchecked
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      throw new BarometerException(
          "Cannot roll back "
              + name
              + " to version "
              + version
              + ": "
              + BarometerException.firstLine(cause)
              + "; its files may have been removed by VACUUM",
          e);
    }
  }
}
