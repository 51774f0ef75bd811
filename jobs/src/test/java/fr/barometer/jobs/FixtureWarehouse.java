package fr.barometer.jobs;

import fr.barometer.common.SparkTestSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One nightly run of the hand-written fixture landing folder per test JVM, shared by the tests
 * that only read its tables, or that run more on a copy of them (a full run costs tens of seconds;
 * the suite must stay short).
 */
final class FixtureWarehouse {
  private static Path root;
  private static CliRun run;

  private FixtureWarehouse() {}

  /** The 'run' command's result: exit code, summary, errors. */
  static synchronized CliRun run() {
    if (run == null) {
      SparkTestSession.get();
      try {
        root = Files.createTempDirectory("barometer-fixture-warehouse");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(FixtureWarehouse::delete));
      run = CliRun.of("run", "--landing", CliRun.resource("/IngestJobTest/landing"), "--warehouse", root.toString());
    }
    return run;
  }

  /** The warehouse folder; tests must not write to it. */
  static synchronized String root() {
    run();
    return root.toString();
  }

  /** A writable copy of the fixture warehouse in {@code target}, for a test that runs more on top of it. */
  static Path copyTo(Path target) {
    Path from = Path.of(root());
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path to = target.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  private static void delete() {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
