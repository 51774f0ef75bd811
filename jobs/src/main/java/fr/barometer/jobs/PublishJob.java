package fr.barometer.jobs;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import fr.barometer.common.transform.Eligibility;
import fr.barometer.common.transform.Invoices;
import fr.barometer.common.transform.Measures;
import fr.barometer.common.transform.NationalBarometer;
import fr.barometer.common.transform.Participation;
import fr.barometer.common.transform.Positioning;
import fr.barometer.common.transform.Trophies;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/** Positions every scored structure, publishes the anonymous barometer, names trophies, bills. */
final class PublishJob {
  private PublishJob() {}

  static void run(SparkSession spark, Warehouse warehouse, int edition) {
    spark.sparkContext().setJobDescription("publish " + edition);
    EditionConfig config = EditionSettings.of(warehouse, edition);
    Dataset<Row> participating = Eligibility.participating(warehouse.read(Tables.ELIGIBILITY, edition));
    Dataset<Row> structureScores = warehouse.read(Tables.STRUCTURE_SCORES, edition);
    Dataset<Row> measures = Measures.ofMainSites(participating, structureScores,
            warehouse.read(Tables.SITE_SCORES, edition), warehouse.read(Tables.SITE_CHANNEL_SCORES, edition),
            warehouse.read(Tables.SITE_STEP_SCORES, edition), warehouse.read(Tables.SITE_CRITERION_SCORES, edition))
        .persist(StorageLevel.MEMORY_AND_DISK());
    warehouse.replaceEdition(Tables.POSITIONING, edition, Positioning.positioning(measures));
    warehouse.replaceEdition(Tables.BAROMETER_NATIONAL, edition, NationalBarometer.cells(measures, config));
    warehouse.replaceEdition(Tables.TROPHIES, edition, Trophies.relationCitoyen(structureScores)
        .unionByName(Participation.consultationCitoyenne(warehouse.read(Tables.PARTICIPATION, edition), config)));
    warehouse.replaceEdition(Tables.INVOICES, edition, Invoices.invoices(participating,
        warehouse.read(Tables.SITES, edition), warehouse.read(Tables.ORDERS, edition), config));
    measures.unpersist();
  }
}
