package fr.barometer.jobs.cli;

/** What a command's exit code says. */
public final class ExitCodes {
  /** Done; every input reconciled. */
  public static final int OK = 0;

  /** Refused input, configuration or file, or an input that did not reconcile. */
  public static final int FAILURE = 1;

  /** The command line itself is wrong (picocli's own code). */
  public static final int USAGE = 2;

  /** The exit codes as every command's --help lists them. */
  public static final String HEADING = "%nExit codes:%n";

  public static final String OK_LINE = "0:done (for run, every input reconciled)";
  public static final String FAILURE_LINE =
      "1:refused input, configuration or file, a failed step, or an input that did not reconcile";
  public static final String USAGE_LINE = "2:wrong command line (unknown option, missing value)";

  private ExitCodes() {}
}
