package fr.barometer.jobs;

import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Warehouse;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps that follow ingestion in a nightly run, in order, each timed in the log. */
final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private Pipeline() {}

  static void afterIngest(SparkSession spark, Warehouse warehouse, RunInfo run, int edition) {
    timed("score", () -> ScoreJob.run(spark, warehouse, edition));
    timed("survey", () -> SurveyJob.run(spark, warehouse, edition));
    timed("publish", () -> PublishJob.run(spark, warehouse, edition));
    timed("report", () -> ReportJob.run(spark, warehouse, edition));
  }

  static void timed(String step, Runnable work) {
    timed(step, () -> {
      work.run();
      return null;
    });
  }

  static <T> T timed(String step, Supplier<T> work) {
    long start = System.nanoTime();
    T result = work.get();
    LOG.info("step {} done in {} ms", step, (System.nanoTime() - start) / 1_000_000);
    return result;
  }
}
