package fr.barometer.jobs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A command line run in-process as a user meets it: exit code, stdout and stderr. */
record CliRun(int code, String out, String err) {
  /**
   * The killed runs' child JVMs and the test cluster's compile with C1 alone, which spends less CPU
   * than C1 + C2 (a whole run on the fixture alone in its JVM ends sooner with both, so {@link
   * QuietRunTest} keeps them). C1 alone reserves only 48 MB of code cache by default, which a whole
   * run fills (a CI run printed "CodeCache is full. Compiler has been disabled."): reserve what
   * tiered compilation reserves.
   */
  static final List<String> CLIENT_COMPILER_ONLY =
      List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m");

  static CliRun of(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = BarometerCli.execute(args);
      return new CliRun(
          code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /**
   * The command line that runs the CLI in a JVM of its own, as a user or a scheduler starts it:
   * this JVM's java, the test's classpath and Spark's --add-opens flags, then {@code jvmOptions}.
   */
  static List<String> inChildJvm(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        Arrays.asList(System.getProperty("barometer.add-opens", "").trim().split("\\s+")));
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "fr.barometer.jobs.BarometerCli"));
    command.addAll(List.of(args));
    command.removeIf(String::isEmpty);
    return command;
  }

  /** A test resources folder as a path. */
  static String resource(String name) {
    try {
      return Path.of(CliRun.class.getResource(name).toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The run id printed by 'run' ("Run <id>, edition ..."). */
  String runId() {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?m)^Run (\\S+), edition").matcher(out);
    if (!m.find()) {
      throw new AssertionError("no run id in: " + out + err);
    }
    return m.group(1);
  }
}
