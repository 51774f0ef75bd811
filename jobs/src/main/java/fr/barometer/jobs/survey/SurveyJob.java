package fr.barometer.jobs.survey;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import fr.barometer.common.publish.SurveyNational;
import fr.barometer.common.score.Eligibility;
import fr.barometer.common.survey.Participation;
import fr.barometer.common.survey.PerceivedVsProduced;
import fr.barometer.common.survey.SurveyResults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/** The citizen survey's results, beside the audits' scores. Runs after scoring. */
public final class SurveyJob {
  /** The tables of the edition the step reads. */
  public static final List<String> READS =
      List.of(
          Tables.EDITION_SETTINGS,
          Tables.COMMUNES,
          Tables.EPCI,
          Tables.STRUCTURES,
          Tables.ELIGIBILITY,
          Tables.STRUCTURE_SCORES,
          Tables.SURVEY_RESPONSES);

  private SurveyJob() {}

  public static void run(SparkSession spark, Warehouse warehouse, EditionConfig config) {
    int edition = config.edition();
    spark.sparkContext().setJobDescription("survey " + edition);
    Dataset<Row> responses = warehouse.read(Tables.SURVEY_RESPONSES, edition);
    Dataset<Row> participating =
        Eligibility.participating(warehouse.read(Tables.ELIGIBILITY, edition));
    Dataset<Row> structureResults =
        SurveyResults.perStructure(responses, participating, config)
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> both =
        PerceivedVsProduced.perStructure(
                warehouse.read(Tables.STRUCTURE_SCORES, edition), structureResults)
            .persist(StorageLevel.MEMORY_AND_DISK());
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put(Tables.SURVEY_STRUCTURE_RESULTS, structureResults);
    tables.put(
        Tables.SURVEY_TERRITORY_RESULTS,
        SurveyResults.perTerritory(responses, warehouse.read(Tables.COMMUNES, edition), config));
    tables.put(Tables.SURVEY_NATIONAL, SurveyNational.cells(responses, participating, config));
    tables.put(Tables.PARTICIPATION, Participation.participation(structureResults, participating));
    tables.put(Tables.PERCEIVED_VS_PRODUCED, both);
    tables.put(Tables.PERCEIVED_VS_PRODUCED_NATIONAL, PerceivedVsProduced.correlation(both));
    warehouse.replaceEditions(edition, tables);
    structureResults.unpersist();
    both.unpersist();
  }
}
