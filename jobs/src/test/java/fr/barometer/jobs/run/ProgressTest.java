package fr.barometer.jobs.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Progress reads a running step from Spark's status tracker. */
class ProgressTest {
  /** A job of 4 tasks of about 2 s each, on the test session's cores. */
  private static CompletableFuture<Long> slowJob(SparkSession spark) {
    MapPartitionsFunction<Long, Long> slow =
        rows -> {
          Thread.sleep(2000);
          return rows;
        };
    return CompletableFuture.supplyAsync(
        () ->
            spark
                .range(0, 4, 1, 4)
                .as(Encoders.LONG())
                .mapPartitions(slow, Encoders.LONG())
                .count());
  }

  @Test
  void aLineSaysTheTimeTheStagesAndTheTasksOfTheRunningStage() throws Exception {
    SparkSession spark = SparkTestSession.get();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (Progress progress = Progress.of(spark, "test", out, true)) {
      CompletableFuture<Long> job = slowJob(spark);
      String line = "";
      for (int i = 0; i < 100 && !line.contains("/4 tasks"); i++) {
        Thread.sleep(100);
        line = progress.line();
      }
      assertTrue(
          line.matches(
              "step test: 0:\\d\\d, \\d+ Spark stages? done, \\[[#.]{24}\\] [0-4]/4 tasks.*"),
          line);
      job.get();
      Thread.sleep(1500);
    }
    String shown = bytes.toString(StandardCharsets.UTF_8);
    // In a terminal the line is redrawn in place, then wiped when the step ends.
    assertTrue(shown.startsWith("\rstep test: "), shown);
    assertTrue(shown.endsWith("\r"), shown);
  }
}
