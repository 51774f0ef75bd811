package fr.barometer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nightly run on the fixture in a JVM of its own, as the scheduler starts it: its output is the
 * pipeline's own lines (steps, progress, summary), none of Spark's, Hadoop's or the renderer's.
 */
@Tag("end-to-end")
class QuietRunTest {
  @TempDir Path tmp;

  @Test
  void aRunPrintsItsOwnLinesOnly() throws Exception {
    List<String> command =
        CliRun.inChildJvm(
            // The launcher's JVM options, as bin/barometer starts it.
            List.of("-Xmx4g", "-XX:+UseParallelGC"),
            "run",
            "--landing",
            CliRun.resource("/IngestJobTest/landing"),
            "--warehouse",
            tmp.resolve("warehouse").toString(),
            "--master",
            "local[2]");
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes());
    assertEquals(0, child.waitFor(), output);
    for (String line : output.lines().toList()) {
      assertTrue(
          line.matches(
              "step \\w+: (started|done, \\d+ rows written in [\\d.]+ s|\\d+:\\d\\d, .*)|Run .*,"
                  + " edition \\d+|input +read +kept.*|\\w+ +\\d+ +\\d+ +\\d+ +\\d+ +\\d+"
                  + " +yes|Tables written to .*|Query them with: .*|\\w+ files: .*|Steps: .*"),
          "a line that is not the pipeline's own: " + line + "\n" + output);
    }
    assertTrue(output.contains("step report: done"), output);
  }
}
