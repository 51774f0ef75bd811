package fr.barometer.jobs.publish;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import fr.barometer.common.publish.Invoices;
import fr.barometer.common.publish.Measures;
import fr.barometer.common.publish.NationalBarometer;
import fr.barometer.common.publish.Positioning;
import fr.barometer.common.publish.Trophies;
import fr.barometer.common.score.Eligibility;
import fr.barometer.common.survey.Participation;
import fr.barometer.jobs.intervals.IntervalsJob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/** Positions every scored structure, publishes the anonymous barometer, names trophies, bills. */
public final class PublishJob {
  /** The tables of the edition the step reads. */
  public static final List<String> READS =
      List.of(
          Tables.EDITION_SETTINGS,
          Tables.ELIGIBILITY,
          Tables.STRUCTURE_SCORES,
          Tables.SITES,
          Tables.ORDERS,
          Tables.SITE_SCORES,
          Tables.SITE_CHANNEL_SCORES,
          Tables.SITE_STEP_SCORES,
          Tables.SITE_CRITERION_SCORES,
          Tables.PARTICIPATION,
          Tables.SCORE_INTERVALS,
          Tables.CELL_INTERVALS);

  private PublishJob() {}

  public static void run(SparkSession spark, Warehouse warehouse, EditionConfig config) {
    int edition = config.edition();
    if (!IntervalsJob.written(warehouse, edition)) {
      // Scored by a pipeline older than the intervals step: its intervals first.
      IntervalsJob.run(spark, warehouse, config);
    }
    spark.sparkContext().setJobDescription("publish " + edition);
    Dataset<Row> participating =
        Eligibility.participating(warehouse.read(Tables.ELIGIBILITY, edition));
    Dataset<Row> structureScores = warehouse.read(Tables.STRUCTURE_SCORES, edition);
    Dataset<Row> measures =
        Measures.ofMainSites(
                participating,
                structureScores,
                warehouse.read(Tables.SITE_SCORES, edition),
                warehouse.read(Tables.SITE_CHANNEL_SCORES, edition),
                warehouse.read(Tables.SITE_STEP_SCORES, edition),
                warehouse.read(Tables.SITE_CRITERION_SCORES, edition))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put(Tables.POSITIONING, Positioning.positioning(measures));
    tables.put(
        Tables.BAROMETER_NATIONAL,
        NationalBarometer.cells(measures, warehouse.read(Tables.CELL_INTERVALS, edition), config));
    tables.put(
        Tables.TROPHIES,
        Trophies.withPFirst(
            Trophies.relationCitoyen(structureScores)
                .unionByName(
                    Participation.consultationCitoyenne(
                        warehouse.read(Tables.PARTICIPATION, edition), config)),
            warehouse.read(Tables.SCORE_INTERVALS, edition)));
    tables.put(
        Tables.INVOICES,
        Invoices.invoices(
            participating,
            warehouse.read(Tables.SITES, edition),
            warehouse.read(Tables.ORDERS, edition),
            config));
    warehouse.replaceEditions(edition, tables);
    measures.unpersist();
  }
}
