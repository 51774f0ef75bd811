package fr.barometer.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Rewrites the committed sample, data-samples/2017, exactly as {@code bin/barometer generate --out
 * data-samples/2017 --structures 300 --seed 2017} does. Off by default; run it with {@code mvn -o
 * test -pl data-samples/generator -Dtest=SampleLandingFolderTest -Dbarometer.sample=write}.
 */
class SampleLandingFolderTest {
  private static final long MAX_BYTES = 5L * 1024 * 1024;

  @Test
  @EnabledIfSystemProperty(named = "barometer.sample", matches = "write")
  void writeTheCommittedSample() throws IOException {
    Path sample =
        Path.of(
            System.getProperty("maven.multiModuleProjectDirectory", "../.."),
            "data-samples",
            "2017");
    LandingGenerator.generate(sample, new GeneratorOptions(300, 2017L, 2017, null));
    try (Stream<Path> files = Files.walk(sample)) {
      long bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      assertTrue(bytes <= MAX_BYTES, "the sample should stay small: " + bytes + " bytes");
    }
  }
}
