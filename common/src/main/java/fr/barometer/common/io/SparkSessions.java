package fr.barometer.common.io;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Where the session settings come from, in one place. Under spark-submit the master and resources
 * come from the submit command; locally the CLI asks for {@code local[*]}.
 */
public final class SparkSessions {
  private static final String SNAPSHOT_PARTITIONS = "spark.databricks.delta.snapshotPartitions";

  private SparkSessions() {}

  /**
   * A builder with what every barometer job needs: Delta Lake, and dates read in Europe/Paris as the
   * spec requires. {@code master} may be null to keep the one spark-submit gave.
   */
  public static SparkSession.Builder builder(String appName, String master) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(appName)
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.sql.session.timeZone", "Europe/Paris")
            .config("spark.sql.sources.partitionOverwriteMode", "static");
    // Our Delta logs hold a few files per table: Delta's default of 50 partitions to rebuild a
    // table's state made every commit run ~100 tiny tasks (measured: score step 110 s -> 31 s).
    // A default only: a --conf given to spark-submit wins.
    if (!new SparkConf().contains(SNAPSHOT_PARTITIONS)) {
      builder.config(SNAPSHOT_PARTITIONS, "2");
    }
    if (master != null) {
      builder.master(master);
    }
    return builder;
  }
}
