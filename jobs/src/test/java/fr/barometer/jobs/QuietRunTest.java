package fr.barometer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shared nightly run on the fixture ran in a JVM of its own, as the scheduler starts it ({@link
 * FixtureWarehouse}): its output, stdout and stderr, is the pipeline's own lines (steps, progress,
 * summary), none of Spark's, Hadoop's or the renderer's.
 */
@Tag("end-to-end")
class QuietRunTest {
  private static final String OWN_LINE =
      "step \\w+: (started|done, \\d+ rows written in [\\d.]+ s|\\d+:\\d\\d, .*)|Run .*,"
          + " edition \\d+|input +read +kept.*|\\w+ +\\d+ +\\d+ +\\d+ +\\d+ +\\d+"
          + " +yes|Tables written to .*|Query them with: .*|\\w+ files: .*|Steps: .*";

  @Test
  void aRunPrintsItsOwnLinesOnly() {
    CliRun run = FixtureWarehouse.run();
    String output = run.out() + run.err();
    assertEquals(0, run.code(), output);
    for (String line : output.lines().toList()) {
      assertTrue(
          line.matches(OWN_LINE), "a line that is not the pipeline's own: " + line + "\n" + output);
    }
    assertTrue(run.out().contains("step report: done"), output);
  }
}
