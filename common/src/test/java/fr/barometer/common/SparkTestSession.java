package fr.barometer.common;

import fr.barometer.common.io.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.spark.sql.SparkSession;

/** The one SparkSession of a test JVM: local[2], UI off, few shuffle partitions. */
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
