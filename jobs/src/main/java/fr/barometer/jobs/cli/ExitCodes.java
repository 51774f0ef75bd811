package fr.barometer.jobs.cli;

/** What a command's exit code says. */
public final class ExitCodes {
  /** Done; every input reconciled. */
  public static final int OK = 0;

  /** Refused input, configuration or file, or an input that did not reconcile. */
  public static final int FAILURE = 1;

  /** The command line itself is wrong (picocli's own code). */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
