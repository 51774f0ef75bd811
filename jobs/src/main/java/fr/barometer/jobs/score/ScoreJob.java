package fr.barometer.jobs.score;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import fr.barometer.common.score.Eligibility;
import fr.barometer.common.score.Scoring;
import fr.barometer.common.score.ScoringInputs;
import fr.barometer.common.score.ScoringResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Scores an ingested edition: eligibility, answer points, site, structure and completeness tables.
 * Each table's edition partition is replaced whole, so scoring twice gives the same tables.
 */
public final class ScoreJob {
  /**
   * The tables of the edition the step reads: it has nothing new to compute when they are as
   * before.
   */
  public static final List<String> READS =
      List.of(
          Tables.EDITION_SETTINGS,
          Tables.COMMUNES,
          Tables.EPCI,
          Tables.STRUCTURES,
          Tables.SITES,
          Tables.ORDERS,
          Tables.REFERENTIAL_ITEMS,
          Tables.AUDITS,
          Tables.AUDIT_ANSWERS);

  private ScoreJob() {}

  public static void run(SparkSession spark, Warehouse warehouse, EditionConfig config) {
    int edition = config.edition();
    spark.sparkContext().setJobDescription("score " + edition);
    Dataset<Row> eligibility =
        Eligibility.eligibility(
            warehouse.read(Tables.STRUCTURES, edition),
            warehouse.read(Tables.COMMUNES, edition),
            warehouse.read(Tables.EPCI, edition),
            config);
    warehouse.replaceEdition(Tables.ELIGIBILITY, edition, eligibility);

    ScoringInputs inputs =
        new ScoringInputs(
            warehouse.read(Tables.ELIGIBILITY, edition),
            warehouse.read(Tables.SITES, edition),
            warehouse.read(Tables.REFERENTIAL_ITEMS, edition),
            warehouse.read(Tables.AUDITS, edition),
            warehouse.read(Tables.AUDIT_ANSWERS, edition));
    Scoring.Scope scope = Scoring.scope(inputs, config);
    warehouse.replaceEdition(Tables.ANSWER_POINTS, edition, scope.answerPoints());
    // The other tables aggregate the answer points read back from their table: cheaper than a
    // cache of every answer point, which each of them read.
    ScoringResult scores = scope.tablesFrom(warehouse.read(Tables.ANSWER_POINTS, edition));
    // Later tables derive from these: cached, Spark reuses them instead of recomputing them (site
    // scores use the channel scores, structure scores the site scores and completeness).
    List<Dataset<Row>> reused =
        List.of(scores.siteChannelScores(), scores.siteScores(), scores.completeness());
    reused.forEach(d -> d.persist(StorageLevel.MEMORY_AND_DISK()));
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>(scores.byTable());
    tables.remove(Tables.ANSWER_POINTS);
    warehouse.replaceEditions(edition, tables);
    reused.forEach(Dataset::unpersist);
  }
}
