package fr.barometer.jobs.run;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.io.Warehouse;
import fr.barometer.jobs.evolution.EvolutionJob;
import fr.barometer.jobs.intervals.IntervalsJob;
import fr.barometer.jobs.publish.PublishJob;
import fr.barometer.jobs.report.ReportJob;
import fr.barometer.jobs.score.ScoreJob;
import fr.barometer.jobs.survey.SurveyJob;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * The steps that follow ingestion in a nightly run, in order. Each step prints a line when it
 * starts and one when it ends (rows written, seconds) on stdout, so a scheduler's log shows where a
 * run stopped.
 */
public final class Pipeline {

  private Pipeline() {}

  /**
   * Score, intervals, survey, publish and report, with the edition's settings as ingest stored
   * them.
   */
  public static void afterIngest(SparkSession spark, Warehouse warehouse, EditionConfig config) {
    timed(warehouse, "score", () -> ScoreJob.run(spark, warehouse, config));
    timed(warehouse, "intervals", () -> IntervalsJob.run(spark, warehouse, config));
    timed(warehouse, "survey", () -> SurveyJob.run(spark, warehouse, config));
    publishAndReport(spark, warehouse, config);
  }

  /**
   * Publish, compare with earlier editions, then the report datasets, which carry the positions and
   * evolutions the two steps before write.
   */
  public static void publishAndReport(
      SparkSession spark, Warehouse warehouse, EditionConfig config) {
    timed(warehouse, "publish", () -> PublishJob.run(spark, warehouse, config));
    timed(warehouse, "evolution", () -> EvolutionJob.run(spark, warehouse, config.edition()));
    timed(warehouse, "report", () -> ReportJob.run(spark, warehouse, config));
  }

  public static void timed(Warehouse warehouse, String step, Runnable work) {
    timed(
        warehouse,
        step,
        () -> {
          work.run();
          return null;
        });
  }

  public static <T> T timed(Warehouse warehouse, String step, Supplier<T> work) {
    System.out.printf("step %s: started%n", step);
    System.out.flush();
    long start = System.nanoTime();
    long rowsBefore = warehouse.rowsWritten();
    T result;
    try (Progress progress = Progress.of(warehouse.spark(), step, System.out)) {
      result = work.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long rows = warehouse.rowsWritten() - rowsBefore;
    System.out.printf(
        Locale.ROOT, "step %s: done, %d rows written in %.1f s%n", step, rows, seconds);
    System.out.flush();
    return result;
  }
}
