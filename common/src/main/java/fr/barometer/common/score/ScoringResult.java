package fr.barometer.common.score;

import fr.barometer.common.io.Tables;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The score tables of one edition, each named as in {@link Tables}. */
public record ScoringResult(
    Dataset<Row> answerPoints,
    Dataset<Row> siteItemScores,
    Dataset<Row> siteCriterionScores,
    Dataset<Row> siteChannelScores,
    Dataset<Row> siteStepScores,
    Dataset<Row> siteScores,
    Dataset<Row> completeness,
    Dataset<Row> structureScores) {

  /** Every table by its warehouse name, in a fixed order, for a job to write them in a loop. */
  public Map<String, Dataset<Row>> byTable() {
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put(Tables.ANSWER_POINTS, answerPoints);
    tables.put(Tables.SITE_ITEM_SCORES, siteItemScores);
    tables.put(Tables.SITE_CRITERION_SCORES, siteCriterionScores);
    tables.put(Tables.SITE_CHANNEL_SCORES, siteChannelScores);
    tables.put(Tables.SITE_STEP_SCORES, siteStepScores);
    tables.put(Tables.SITE_SCORES, siteScores);
    tables.put(Tables.COMPLETENESS, completeness);
    tables.put(Tables.STRUCTURE_SCORES, structureScores);
    return tables;
  }
}
