package fr.barometer.common.io;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the session settings come from, in one place. Under spark-submit the master and resources
 * come from the submit command; locally the CLI asks for {@code local[*]}.
 */
public final class SparkSessions {
  private static final Logger LOG = LoggerFactory.getLogger(SparkSessions.class);
  private static final String SNAPSHOT_PARTITIONS = "spark.databricks.delta.snapshotPartitions";

  private static final String CONCURRENT_WRITERS = "spark.sql.maxConcurrentOutputFileWriters";
  private static final String FILES_IN_CHECKSUM = "spark.databricks.delta.allFilesInCrc.enabled";
  private static final String CACHE_COMPRESSION = "spark.sql.inMemoryColumnarStorage.compressed";
  private static final String RUNTIME_BLOOM_FILTERS =
      "spark.sql.optimizer.runtime.bloomFilter.enabled";
  private static final String CODEGEN_CACHE_ENTRIES = "spark.sql.codegen.cache.maxEntries";
  private static final String ALL_KEYS_FOR_JOINS = "spark.sql.requireAllClusterKeysForCoPartition";
  private static final String INDEXED_COLUMNS =
      "spark.databricks.delta.properties.defaults.dataSkippingNumIndexedCols";

  private static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";
  private static final String CODEGEN_FACTORY = "spark.sql.codegen.factoryMode";

  /**
   * Below this many bytes of audit and survey exports, an edition is small: it runs interpreted,
   * since compiling the generated code of every query costs more than it saves on so few rows, and
   * its run keeps the tables' editions it reads in memory (both measured in bench/RESULTS.md: a
   * gain on the fixture and the sample; interpreted evaluation gains nothing at 4,000 structures).
   */
  public static final long SMALL_EDITION_BYTES = 16L << 20;

  private SparkSessions() {}

  // Each setting below was kept because it paid in interleaved runs; the figures are in
  // bench/RESULTS.md.

  /**
   * The code generation settings for an edition of {@code exportBytes} (audit and survey files):
   * interpreted evaluation below {@link #SMALL_EDITION_BYTES}, Spark's default above. A setting in
   * {@code given} (a --conf of spark-submit) is left as it is.
   */
  public static Map<String, String> codeGeneration(long exportBytes, SparkConf given) {
    return isSmall(exportBytes) ? interpreted(given) : Map.of();
  }

  /** Whether an edition of {@code exportBytes} (audit and survey files) is a small one. */
  public static boolean isSmall(long exportBytes) {
    return exportBytes < SMALL_EDITION_BYTES;
  }

  /**
   * The settings that make Spark evaluate expressions interpreted, without generating code, but
   * those in {@code given} (a --conf of spark-submit).
   */
  public static Map<String, String> interpreted(SparkConf given) {
    Map<String, String> interpreted = new LinkedHashMap<>();
    interpreted.put(WHOLE_STAGE_CODEGEN, "false");
    interpreted.put(CODEGEN_FACTORY, "NO_CODEGEN");
    interpreted.keySet().removeIf(given::contains);
    return interpreted;
  }

  /**
   * Applies {@link #codeGeneration} to the session (runtime settings: the next queries see them).
   */
  public static void fitCodeGeneration(SparkSession spark, long exportBytes) {
    Map<String, String> settings = codeGeneration(exportBytes, new SparkConf());
    if (!settings.isEmpty()) {
      LOG.info(
          "{} bytes of audit and survey exports, under {}: {}",
          exportBytes,
          SMALL_EDITION_BYTES,
          settings);
    }
    settings.forEach(spark.conf()::set);
  }

  /**
   * A builder with what every barometer job needs: Delta Lake, and dates read in Europe/Paris as
   * the spec requires. {@code master} may be null to keep the one spark-submit gave.
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
    // Defaults only: a --conf given to spark-submit wins.
    SparkConf given = new SparkConf();
    // Our Delta logs hold a few files per table: Delta's default of 50 partitions to rebuild a
    // table's state made every commit run ~100 tiny tasks.
    defaultUnlessGiven(builder, given, SNAPSHOT_PARTITIONS, "2");
    // A write task holds one edition, one table partition: with a writer open per partition it
    // streams its rows to the file instead of buffering and sorting them all by edition first.
    defaultUnlessGiven(builder, given, CONCURRENT_WRITERS, "2");
    // Each commit's .crc summary, kept without the table's file list: the list made Delta check it
    // at every commit. With the summary Delta knows a new version's metadata without reading the
    // log again, and a run makes ~45 commits.
    defaultUnlessGiven(builder, given, FILES_IN_CHECKSUM, "false");
    // The cached datasets (resolved staged rows, answer points) are read a few times each, and
    // mostly made of unique strings (raw records, digests, ids) that the cache's dictionary
    // encoding tries and gives up on: a third of the executors' samples while building them.
    defaultUnlessGiven(builder, given, CACHE_COMPRESSION, "false");
    // Delta's file statistics (min, max, nulls) on the first 3 data columns of a new table (the
    // keys, where any) instead of 32: rows are not clustered within an edition, so every file's
    // range spans nearly every key and skipping gains nothing, while collecting them slowed each
    // write. Row counts are still recorded.
    defaultUnlessGiven(builder, given, INDEXED_COLUMNS, "3");
    // Joins on the cached answer points have no size estimate, so Spark put runtime Bloom filters
    // on them: each built by an extra aggregation and carried, 3 MB apiece, inside every task of
    // the plan (18-21 MB task binaries even on the 8-structure fixture). Our joins are with small,
    // broadcast sides: the filters skip nothing.
    defaultUnlessGiven(builder, given, RUNTIME_BLOOM_FILTERS, "false");
    // A run generates ~1,000 distinct classes (plans, projections, Delta's statistics); Spark keeps
    // 100, so a task often compiled again what the driver had compiled for the same stage.
    defaultUnlessGiven(builder, given, CODEGEN_CACHE_ENTRIES, "1000");
    // A join may use its sides' hashing on a part of its keys: answer points hash audits and
    // answers on the audit alone, then join on (audit, item) without shuffling the (audit x item)
    // rows (66 MB shuffled instead of 657 MB at 40,000 structures).
    defaultUnlessGiven(builder, given, ALL_KEYS_FOR_JOINS, "false");
    if (master != null) {
      builder.master(master);
    }
    return builder;
  }

  private static void defaultUnlessGiven(
      SparkSession.Builder builder, SparkConf given, String key, String value) {
    if (!given.contains(key)) {
      builder.config(key, value);
    }
  }
}
