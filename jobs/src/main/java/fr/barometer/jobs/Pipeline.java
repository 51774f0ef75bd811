package fr.barometer.jobs;

import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Warehouse;
import org.apache.spark.sql.SparkSession;

/** The steps that follow ingestion in a nightly run, in order. */
final class Pipeline {
  private Pipeline() {}

  static void afterIngest(SparkSession spark, Warehouse warehouse, RunInfo run, int edition) {
    ScoreJob.run(spark, warehouse, edition);
    SurveyJob.run(spark, warehouse, edition);
    PublishJob.run(spark, warehouse, edition);
  }
}
