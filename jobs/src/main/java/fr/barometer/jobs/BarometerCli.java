package fr.barometer.jobs;

import fr.barometer.common.domain.BarometerException;
import fr.barometer.jobs.cli.DdlCommand;
import fr.barometer.jobs.cli.ExitCodes;
import fr.barometer.jobs.cli.ExportCommand;
import fr.barometer.jobs.cli.GenerateCommand;
import fr.barometer.jobs.cli.HistoryCommand;
import fr.barometer.jobs.cli.PublishCommand;
import fr.barometer.jobs.cli.ReportCommand;
import fr.barometer.jobs.cli.RollbackCommand;
import fr.barometer.jobs.cli.RunCommand;
import fr.barometer.jobs.cli.ScoreCommand;
import fr.barometer.jobs.cli.SqlCommand;
import java.io.PrintWriter;
import java.util.Arrays;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code bin/barometer <command>} locally, or {@code spark-submit --class
 * fr.barometer.jobs.BarometerCli barometer.jar <command>} on a cluster. The commands are in {@code
 * cli}, one class each; each stage's job in a package of its own, run in order by {@code
 * run.Pipeline}.
 */
@Command(
    name = "barometer",
    mixinStandardHelpOptions = true,
    version = "barometer 0.1.0",
    description =
        "Batch pipeline of the citizen-experience barometer (mystery audits and citizen survey).",
    subcommands = {
      GenerateCommand.class,
      RunCommand.class,
      ScoreCommand.class,
      PublishCommand.class,
      HistoryCommand.class,
      RollbackCommand.class,
      SqlCommand.class,
      ExportCommand.class,
      DdlCommand.class,
      ReportCommand.class,
      AutoComplete.GenerateCompletion.class,
      CommandLine.HelpCommand.class
    })
public final class BarometerCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    quietUnlessVerbose(args);
    System.exit(execute(args));
  }

  /**
   * Spark's, Hadoop's and the PDF renderer's logs only with --verbose: by default a command prints
   * its own lines (one per step, the summary) and errors. Set here, before Spark starts, so that
   * bin/barometer and spark-submit (whose log4j2 configuration is the cluster's) both obey it.
   */
  static void quietUnlessVerbose(String... args) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    Configurator.setRootLevel(verbose ? Level.INFO : Level.ERROR);
    Configurator.setLevel("fr.barometer", verbose ? Level.INFO : Level.WARN);
  }

  /** Runs a command line and returns its exit code, without exiting (tests call this). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new BarometerCli());
    cli.setExecutionExceptionHandler(BarometerCli::handle);
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing command: see 'barometer --help'");
  }

  /**
   * A BarometerException anywhere in the cause chain (Spark wraps the ones raised in tasks) is the
   * user's problem: one line, no stack trace unless --verbose.
   */
  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    boolean verbose =
        parsed.hasMatchedOption("--verbose")
            || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BarometerException) {
        err.println("barometer: " + t.getMessage());
        if (verbose) {
          e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILURE;
      }
    }
    err.println(
        "barometer: unexpected failure: "
            + e
            + (verbose ? "" : " (run with --verbose for details)"));
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.FAILURE;
  }
}
