package fr.barometer.jobs;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import fr.barometer.common.transform.Eligibility;
import fr.barometer.common.transform.Participation;
import fr.barometer.common.transform.PerceivedVsProduced;
import fr.barometer.common.transform.SurveyResults;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The citizen survey's results, beside the audits' scores. Runs after scoring. */
final class SurveyJob {
  private SurveyJob() {}

  static void run(SparkSession spark, Warehouse warehouse, int edition) {
    spark.sparkContext().setJobDescription("survey " + edition);
    EditionConfig config = EditionSettings.of(warehouse, edition);
    Dataset<Row> responses = warehouse.read(Tables.SURVEY_RESPONSES, edition);
    Dataset<Row> participating = Eligibility.participating(warehouse.read(Tables.ELIGIBILITY, edition));
    warehouse.replaceEdition(Tables.SURVEY_STRUCTURE_RESULTS, edition,
        SurveyResults.perStructure(responses, participating, config));
    warehouse.replaceEdition(Tables.SURVEY_TERRITORY_RESULTS, edition, SurveyResults.perTerritory(responses,
        warehouse.read(Tables.COMMUNES, edition), config));
    warehouse.replaceEdition(Tables.SURVEY_NATIONAL, edition, SurveyResults.national(responses, participating, config));
    Dataset<Row> structureResults = warehouse.read(Tables.SURVEY_STRUCTURE_RESULTS, edition);
    warehouse.replaceEdition(Tables.PARTICIPATION, edition,
        Participation.participation(structureResults, participating));
    Dataset<Row> both = PerceivedVsProduced.perStructure(warehouse.read(Tables.STRUCTURE_SCORES, edition),
        structureResults);
    warehouse.replaceEdition(Tables.PERCEIVED_VS_PRODUCED, edition, both);
    warehouse.replaceEdition(Tables.PERCEIVED_VS_PRODUCED_NATIONAL, edition, PerceivedVsProduced.correlation(both));
  }
}
