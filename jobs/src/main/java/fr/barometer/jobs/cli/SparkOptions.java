package fr.barometer.jobs.cli;

import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.SparkSessions;
import fr.barometer.common.io.Warehouse;
import fr.barometer.jobs.run.RunLock;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Options shared by every command that opens the warehouse. */
final class SparkOptions {
  @Option(names = "--warehouse", description = "Warehouse folder or URI (default: ./warehouse).")
  String warehouse;

  @Option(
      names = "--master",
      description = "Spark master. Default: the one spark-submit gave, else local[*].")
  String master;

  @Option(names = "--verbose", description = "Print stack traces and Spark's own logs.")
  boolean verbose;

  String warehouseRoot() {
    return warehouse != null ? warehouse : Warehouse.defaultRoot();
  }

  /** The warehouse of --warehouse, read and written through the session. */
  Warehouse warehouse(SparkSession session) {
    return new Warehouse(session, warehouseRoot());
  }

  /** Takes the warehouse's run lock: every command that writes tables holds it while it writes. */
  RunLock lock(SparkSession session, RunInfo run, String command) {
    return RunLock.acquire(
        session.sparkContext().hadoopConfiguration(), warehouseRoot(), run, command);
  }

  /**
   * The session. Under spark-submit the master comes from there (spark.master is set); run by hand,
   * it is local[*] with few shuffle partitions, since the data of one edition is small.
   */
  SparkSession session(String appName) {
    boolean submitted = System.getProperty("spark.master") != null;
    String chosen = master != null ? master : submitted ? null : "local[*]";
    SparkSession.Builder builder = SparkSessions.builder(appName, chosen);
    if (chosen != null && chosen.startsWith("local")) {
      builder.config("spark.sql.shuffle.partitions", "8").config("spark.ui.enabled", "false");
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel(verbose ? "INFO" : "ERROR");
    return spark;
  }
}
