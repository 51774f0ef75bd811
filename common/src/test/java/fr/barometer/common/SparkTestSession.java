package fr.barometer.common;

import fr.barometer.common.io.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test JVM: local[2], UI off, few shuffle partitions, no code generation.
 */
public final class SparkTestSession {
  private static SparkSession session;

  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    if (session == null) {
      try {
        session =
            SparkSessions.builder("barometer-tests", "local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                // Test data is a few rows: compiling generated code for every query cost more than
                // it
                // saved (ScoringTest + PositioningTest: 97 s -> 59 s). Spark's interpreted and
                // generated paths compute the same results.
                .config("spark.sql.codegen.wholeStage", "false")
                .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                .config(
                    "spark.sql.warehouse.dir",
                    Files.createTempDirectory("barometer-test-spark").toString())
                .getOrCreate();
        session.sparkContext().setLogLevel("WARN");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return session;
  }
}
