package fr.barometer.jobs;

import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Warehouse;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps that follow ingestion in a nightly run, in order. Each step prints a line when it
 * starts and one when it ends (rows written, seconds) on stdout, so a scheduler's log shows where
 * a run stopped.
 */
final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private Pipeline() {}

  static void afterIngest(SparkSession spark, Warehouse warehouse, RunInfo run, int edition) {
    timed(warehouse, "score", () -> ScoreJob.run(spark, warehouse, edition));
    timed(warehouse, "survey", () -> SurveyJob.run(spark, warehouse, edition));
    publishAndReport(spark, warehouse, edition);
  }

  /** Publish, then the report datasets, which carry the positions publish writes. */
  static void publishAndReport(SparkSession spark, Warehouse warehouse, int edition) {
    timed(warehouse, "publish", () -> PublishJob.run(spark, warehouse, edition));
    timed(warehouse, "report", () -> ReportJob.run(spark, warehouse, edition));
  }

  static void timed(Warehouse warehouse, String step, Runnable work) {
    timed(warehouse, step, () -> {
      work.run();
      return null;
    });
  }

  static <T> T timed(Warehouse warehouse, String step, Supplier<T> work) {
    System.out.printf("step %s: started%n", step);
    System.out.flush();
    long start = System.nanoTime();
    long rowsBefore = warehouse.rowsWritten();
    T result = work.get();
    double seconds = (System.nanoTime() - start) / 1e9;
    long rows = warehouse.rowsWritten() - rowsBefore;
    System.out.printf(Locale.ROOT, "step %s: done, %d rows written in %.1f s%n", step, rows, seconds);
    System.out.flush();
    LOG.info("step {} done: {} rows written in {} ms", step, rows, Math.round(seconds * 1000));
    return result;
  }
}
