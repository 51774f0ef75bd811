package fr.barometer.jobs.run;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.io.Warehouse;
import fr.barometer.jobs.evolution.EvolutionJob;
import fr.barometer.jobs.intervals.IntervalsJob;
import fr.barometer.jobs.publish.PublishJob;
import fr.barometer.jobs.report.ReportJob;
import fr.barometer.jobs.score.ScoreJob;
import fr.barometer.jobs.survey.SurveyJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    afterIngest(spark, warehouse, config, Changes.NONE);
  }

  /**
   * Score, intervals, survey, publish, evolution and report, each skipped when nothing it reads
   * changed since the edition's last run; returns what each step did and why.
   */
  public static List<String> afterIngest(
      SparkSession spark, Warehouse warehouse, EditionConfig config, Changes changes) {
    List<String> outcomes = new ArrayList<>();
    int edition = config.edition();
    step(
        warehouse,
        "score",
        changes,
        ScoreJob.READS,
        List.of(),
        () -> ScoreJob.run(spark, warehouse, config),
        outcomes);
    step(
        warehouse,
        "intervals",
        changes,
        IntervalsJob.READS,
        List.of(),
        () -> IntervalsJob.run(spark, warehouse, config),
        outcomes);
    step(
        warehouse,
        "survey",
        changes,
        SurveyJob.READS,
        List.of(),
        () -> SurveyJob.run(spark, warehouse, config),
        outcomes);
    step(
        warehouse,
        "publish",
        changes,
        PublishJob.READS,
        List.of(),
        () -> PublishJob.run(spark, warehouse, config),
        outcomes);
    step(
        warehouse,
        "evolution",
        changes,
        List.of(),
        EvolutionJob.READS,
        () -> EvolutionJob.run(spark, warehouse, edition),
        outcomes);
    step(
        warehouse,
        "report",
        changes,
        ReportJob.READS,
        ReportJob.READS_OF_EARLIER_EDITIONS,
        () -> ReportJob.run(spark, warehouse, config),
        outcomes);
    return outcomes;
  }

  /** Publish, compare with earlier editions, then the report datasets: every step runs. */
  public static void publishAndReport(
      SparkSession spark, Warehouse warehouse, EditionConfig config) {
    timed(warehouse, "publish", () -> PublishJob.run(spark, warehouse, config));
    timed(warehouse, "evolution", () -> EvolutionJob.run(spark, warehouse, config.edition()));
    timed(warehouse, "report", () -> ReportJob.run(spark, warehouse, config));
  }

  private static void step(
      Warehouse warehouse,
      String name,
      Changes changes,
      List<String> editionInputs,
      List<String> anyEditionInputs,
      Runnable work,
      List<String> outcomes) {
    Optional<String> why = changes.why(editionInputs, anyEditionInputs);
    if (why.isEmpty()) {
      System.out.printf(
          "step %s: skipped, nothing it reads changed since run %s%n", name, changes.lastRun());
      outcomes.add(
          name + " skipped (nothing it reads changed since run " + changes.lastRun() + ")");
      return;
    }
    timed(warehouse, name, work);
    outcomes.add(name + " ran (" + why.get() + ")");
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
