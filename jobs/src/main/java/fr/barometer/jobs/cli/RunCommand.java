package fr.barometer.jobs.cli;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.domain.BarometerException;
import fr.barometer.common.ingest.IngestPlan;
import fr.barometer.common.ingest.LandingCheck;
import fr.barometer.common.io.InputCounts;
import fr.barometer.common.io.Landing;
import fr.barometer.common.io.PipelineVersion;
import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.SparkSessions;
import fr.barometer.common.io.Warehouse;
import fr.barometer.jobs.ingest.IngestJob;
import fr.barometer.jobs.run.Changes;
import fr.barometer.jobs.run.Pipeline;
import fr.barometer.jobs.run.RunInputs;
import fr.barometer.jobs.run.RunLock;
import fr.barometer.jobs.run.RunLog;
import fr.barometer.jobs.run.RunTables;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE},
    footerHeading = "%nExample:%n",
    footer = "  bin/barometer run --landing data-samples/2016 data-samples/2017",
    description =
        "The nightly pipeline: ingest a landing folder (only the files new or changed since the"
            + " last run, unless --full), then score, survey, publish, compare with the earlier"
            + " editions in the warehouse and write the report datasets of its edition. Prints one"
            + " line per step and a summary of every input: read, kept, quarantined, collapsed,"
            + " ineligible. Given several landing folders (one per edition), runs them one after"
            + " the other, oldest edition first, each as a run of its own.")
public final class RunCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;

  @Spec CommandSpec spec;

  @Option(
      names = "--landing",
      required = true,
      arity = "1..*",
      paramLabel = "DIR",
      description =
          "The edition's landing folder; several folders (one per edition) run in edition order.")
  List<String> landings;

  @Option(
      names = "--edition",
      description =
          "Expected edition; must match the landing's edition.json (one landing folder only).")
  Integer edition;

  @Option(
      names = "--full",
      description =
          "Rebuild the edition from scratch: parse every landing file, even those already"
              + " ingested.")
  boolean full;

  @Override
  public Integer call() {
    if (edition != null && landings.size() > 1) {
      throw new ParameterException(
          spec.commandLine(), "--edition applies to a single landing folder");
    }
    SparkSession session = spark.session("barometer run");
    // Every check a landing folder can fail, for every folder, before the lock or any table
    // touches the warehouse: a refused run leaves it exactly as it was.
    Map<Integer, Landing> byEdition = new TreeMap<>();
    Map<Integer, String> given = new TreeMap<>();
    for (String landing : landings) {
      Landing folder = Landing.open(landing, session.sparkContext().hadoopConfiguration());
      int found = LandingCheck.atTheDoor(folder).edition();
      expectEdition(landing, found);
      String same = given.put(found, landing);
      byEdition.put(found, folder);
      if (same != null) {
        throw new BarometerException(
            "Cannot run "
                + landing
                + ": "
                + same
                + " holds edition "
                + found
                + " too; give one landing folder per edition");
      }
    }
    int code = 0;
    for (Landing folder : byEdition.values()) {
      RunInfo run = RunInfo.start();
      try (RunLock lock = spark.lock(session, run, "run")) {
        code = Math.max(code, run(session, run, folder));
      }
    }
    return code;
  }

  private void expectEdition(String landing, int found) {
    if (edition == null) {
      return;
    }
    if (edition != found) {
      throw new BarometerException(
          "Cannot run edition "
              + edition
              + ": "
              + landing
              + " holds edition "
              + found
              + " (edition.json); pass --edition "
              + found
              + ", or give the landing folder of edition "
              + edition);
    }
  }

  private int run(SparkSession session, RunInfo run, Landing folder) {
    Warehouse warehouse = spark.warehouse(session);
    int edition = folder.edition().edition();
    RunInputs inputs =
        RunInputs.of(
            warehouse,
            edition,
            List.copyOf(folder.fingerprints().values()),
            PipelineVersion.current());
    Optional<String> same = full ? Optional.empty() : inputs.unchangedSince(warehouse, edition);
    if (same.isPresent()) {
      RunLog.append(
          session,
          warehouse,
          run,
          edition,
          RunLog.UNCHANGED_STEP,
          List.of(new InputCounts(same.get(), 0, 0, 0, 0, 0)));
      System.out.printf(
          "Run %s, edition %d: nothing changed since run %s (the same landing files, settings,"
              + " grid, reference data, pipeline version and earlier editions): no table"
              + " written; --full recomputes the edition%n",
          run.runId(), edition, same.get());
      return 0;
    }
    SparkSessions.fitCodeGeneration(session, folder.exportBytes());
    // A small edition's steps read most tables several times; kept in memory, a table's edition
    // costs its Delta read once (bench/RESULTS.md). Large ones would fill the executors' memory.
    warehouse.keepEditionReads(SparkSessions.isSmall(folder.exportBytes()));
    try {
      return run(session, run, folder, warehouse, inputs);
    } finally {
      warehouse.keepEditionReads(false);
    }
  }

  private int run(
      SparkSession session, RunInfo run, Landing folder, Warehouse warehouse, RunInputs inputs) {
    int edition = folder.edition().edition();
    Changes changes =
        full
            ? Changes.NONE
            : inputs
                .lastRunOfThisVersion(warehouse, edition)
                .map(last -> Changes.since(warehouse, edition, last))
                .orElse(Changes.NONE);
    IngestJob ingest =
        new IngestJob(session, folder, warehouse, run, full, changes.lastRun() != null);
    EditionConfig config = ingest.config();
    List<InputCounts> counts = Pipeline.timed(warehouse, "ingest", ingest::run);
    List<String> steps = Pipeline.afterIngest(session, warehouse, config, changes);
    // Recorded even when an input does not reconcile: the tables were written, so they can be
    // rolled back to.
    inputs.record(session, warehouse, run, edition);
    RunTables.record(session, warehouse, run, edition);
    printSummary(System.out, run, edition, counts, warehouse);
    printFiles(System.out, ingest.plans(), ingest.registryChanges());
    System.out.println("Steps: " + String.join("; ", steps));
    return counts.stream().allMatch(InputCounts::reconciled) ? 0 : ExitCodes.FAILURE;
  }

  static void printFiles(PrintStream out, List<IngestPlan> plans, List<String> registryChanges) {
    if (!registryChanges.isEmpty()) {
      out.println(
          "Registry files changed since the last run "
              + registryChanges
              + ": every audit file checked again");
    }
    for (IngestPlan p : plans) {
      out.printf(
          "%s files: %d parsed, %d skipped (already ingested), %d gone%s%n",
          p.input(),
          p.toParse().size(),
          p.skipped().size(),
          p.removed().size(),
          p.restageAll() ? " (all re-staged)" : "");
    }
  }

  static void printSummary(
      PrintStream out, RunInfo run, int edition, List<InputCounts> counts, Warehouse warehouse) {
    out.printf("Run %s, edition %d%n", run.runId(), edition);
    out.printf(
        "%-18s %10s %10s %12s %10s %11s  %s%n",
        "input", "read", "kept", "quarantined", "collapsed", "ineligible", "reconciled");
    for (InputCounts c : counts) {
      out.printf(
          "%-18s %10d %10d %12d %10d %11d  %s%n",
          c.input(),
          c.read(),
          c.kept(),
          c.quarantined(),
          c.collapsed(),
          c.ineligible(),
          c.reconciled() ? "yes" : "NO");
    }
    out.println("Tables written to " + warehouse.root());
    out.println(
        "Query them with: bin/barometer sql \"SELECT * FROM structure_scores LIMIT 20\" --warehouse"
            + " "
            + warehouse.root());
  }
}
