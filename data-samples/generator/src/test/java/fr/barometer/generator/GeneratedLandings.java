package fr.barometer.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Landing folders generated once per test run and shared by the test classes that only read them,
 * so the suite stays within a few seconds. Deleted when the JVM exits.
 */
final class GeneratedLandings {
  record Generated(Path folder, GenerationSummary summary) {}

  private static final Map<String, Generated> CACHE = new TreeMap<>();
  private static Path root;

  private GeneratedLandings() {}

  /** The 300-structure campaign most tests look at. */
  static Generated standard() {
    return of(new GeneratorOptions(300, 42L, 2017, null));
  }

  static synchronized Generated of(GeneratorOptions options) {
    return CACHE.computeIfAbsent(options.toString(), k -> generate(options));
  }

  private static Generated generate(GeneratorOptions options) {
    try {
      if (root == null) {
        root = Files.createTempDirectory("barometer-landing");
        Runtime.getRuntime().addShutdownHook(new Thread(GeneratedLandings::deleteAll));
      }
      Path folder = root.resolve("landing-" + CACHE.size());
      return new Generated(folder, LandingGenerator.generate(folder, options));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteAll() {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }
}
