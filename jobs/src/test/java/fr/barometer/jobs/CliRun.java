package fr.barometer.jobs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A command line run as a user meets it: exit code, stdout and stderr. */
record CliRun(int code, String out, String err) {
  /**
   * The killed runs' child JVMs and the test cluster's compile with C1 alone, which spends less CPU
   * than C1 + C2 (a whole run on the fixture alone in its JVM ends sooner with both, so {@link
   * FixtureWarehouse}'s run keeps them). C1 alone reserves only 48 MB of code cache by default,
   * which a whole run fills (a CI run printed "CodeCache is full. Compiler has been disabled."):
   * reserve what tiered compilation reserves.
   */
  static final List<String> CLIENT_COMPILER_ONLY =
      List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m");

  /**
   * The launcher's default JVM options ({@code bin/barometer}, a shell script, gives them too), for
   * a child JVM started as a user or the scheduler starts the CLI.
   */
  static final List<String> LAUNCHER_OPTIONS = List.of("-Xmx4g", "-XX:+UseParallelGC");

  /** The CLI run in this JVM, its output captured. */
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

  /**
   * The CLI run to its end in a JVM of its own with {@code jvmOptions} ({@link #inChildJvm}), its
   * stdout and stderr kept apart.
   */
  static CliRun inChild(List<String> jvmOptions, String... args) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("barometer-child-", ".out");
      err = Files.createTempFile("barometer-child-", ".err");
      Process child =
          new ProcessBuilder(inChildJvm(jvmOptions, args))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      int code = child.waitFor();
      return new CliRun(
          code,
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      file.toFile().delete();
    }
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
