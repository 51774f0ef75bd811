package fr.barometer.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample data-samples/2016 is exactly what {@code bin/barometer generate --out
 * data-samples/2016 --structures 300 --seed 2017 --edition 2016 --registry-of 2017} writes: the
 * edition before data-samples/2017, of the same registry. Checked byte for byte; rewrite the folder
 * after a change to the generator with {@code mvn -o test -pl data-samples/generator
 * -Dtest=EarlierSampleLandingFolderTest -Dbarometer.sample=write}.
 */
class EarlierSampleLandingFolderTest {
  static final GeneratorOptions OPTIONS = new GeneratorOptions(300, 2017L, 2016, null, 2017);
  private static final long MAX_BYTES = 5L * 1024 * 1024;

  @TempDir Path temp;

  private static Path sample() {
    return Path.of(
        System.getProperty("maven.multiModuleProjectDirectory", "../.."), "data-samples", "2016");
  }

  @Test
  void theCommittedSampleIsWhatTheGeneratorWrites() throws IOException {
    if ("write".equals(System.getProperty("barometer.sample"))) {
      LandingGenerator.generate(sample(), OPTIONS);
    }
    Path fresh = temp.resolve("2016");
    LandingGenerator.generate(fresh, OPTIONS);
    Map<String, byte[]> expected = contents(fresh);
    Map<String, byte[]> committed = contents(sample());
    assertEquals(
        expected.keySet(),
        committed.keySet(),
        "files of data-samples/2016; rewrite it with -Dbarometer.sample=write");
    long bytes = 0;
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      assertArrayEquals(
          e.getValue(),
          committed.get(e.getKey()),
          "data-samples/2016/" + e.getKey() + " differs; rewrite it with -Dbarometer.sample=write");
      bytes += e.getValue().length;
    }
    assertTrue(bytes <= MAX_BYTES, "the sample should stay small: " + bytes + " bytes");
  }

  private static Map<String, byte[]> contents(Path folder) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.put(folder.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
      }
    }
    return out;
  }
}
