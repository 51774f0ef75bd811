package fr.barometer.jobs;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One nightly run of the hand-written fixture landing folder per test JVM, shared by the tests that
 * only read its tables or run more on a copy of them (a full run costs tens of seconds; the suite
 * must stay short). It runs as the scheduler starts it: the CLI in a JVM of its own with the
 * launcher's options, so its output is what a scheduler's log gets ({@link QuietRunTest}).
 *
 * <p>Under Maven (the build passes {@code barometer.build.id}, the build's start time, and {@code
 * barometer.build.dir}), the run is kept in {@code target/fixture-warehouse}, and a later test JVM
 * of the same build (the integration tests after the unit tests) reuses it instead of running the
 * fixture again; another build, whatever its code, always runs it afresh. Elsewhere (an IDE) it is
 * a temporary folder deleted at exit.
 */
final class FixtureWarehouse {
  private static Path root;
  private static CliRun run;

  private FixtureWarehouse() {}

  /** The 'run' command's result: exit code, summary, errors. */
  static synchronized CliRun run() {
    if (run == null) {
      String build = System.getProperty("barometer.build.id");
      String buildDir = System.getProperty("barometer.build.dir");
      try {
        if (build != null && !build.isBlank() && buildDir != null) {
          root = Path.of(buildDir, "fixture-warehouse").toAbsolutePath();
          Path record = Path.of(buildDir, "fixture-warehouse.properties");
          run = recorded(record, build);
          if (run == null) {
            delete(root);
            Files.deleteIfExists(record);
            run = runFixture();
            record(record, build, run);
          }
        } else {
          root = Files.createTempDirectory("barometer-fixture-warehouse");
          Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
          run = runFixture();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return run;
  }

  /** The warehouse folder; tests must not write to it. */
  static synchronized String root() {
    run();
    return root.toString();
  }

  /**
   * A writable copy of the fixture warehouse in {@code target}, for a test that runs more on top of
   * it.
   */
  static Path copyTo(Path target) {
    return Folders.copy(Path.of(root()), target);
  }

  private static CliRun runFixture() {
    return CliRun.inChild(
        CliRun.LAUNCHER_OPTIONS,
        "run",
        "--landing",
        CliRun.resource("/IngestJobTest/landing"),
        "--warehouse",
        root.toString(),
        "--master",
        "local[2]");
  }

  /** The run this build already made, or null. */
  private static CliRun recorded(Path record, String build) throws IOException {
    if (!Files.isRegularFile(record) || !Files.isDirectory(root)) {
      return null;
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(record, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    if (!build.equals(p.getProperty("build"))) {
      return null;
    }
    return new CliRun(
        Integer.parseInt(p.getProperty("code")), p.getProperty("out"), p.getProperty("err"));
  }

  /** Written once the run has ended, so a run killed half-way is never reused. */
  private static void record(Path record, String build, CliRun run) throws IOException {
    Properties p = new Properties();
    p.setProperty("build", build);
    p.setProperty("code", String.valueOf(run.code()));
    p.setProperty("out", run.out());
    p.setProperty("err", run.err());
    Path tmp = record.resolveSibling(record.getFileName() + ".tmp");
    try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      p.store(out, "FixtureWarehouse: the fixture run of build " + build);
    }
    Files.move(tmp, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a folder left behind is harmless
    }
  }
}
