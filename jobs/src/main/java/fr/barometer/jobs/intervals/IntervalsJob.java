package fr.barometer.jobs.intervals;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.intervals.ScoreIntervals;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The uncertainty of a scored edition: bootstrap intervals of every structure's scores and ranks,
 * and of the national cells' means (score_intervals, cell_intervals). Runs after score, whose
 * answer points it resamples, and before publish, whose trophies and national cells carry them.
 */
public final class IntervalsJob {
  /** The tables of the edition the step reads. */
  public static final List<String> READS =
      List.of(
          Tables.EDITION_SETTINGS,
          Tables.ANSWER_POINTS,
          Tables.SITE_SCORES,
          Tables.SITE_CHANNEL_SCORES,
          Tables.STRUCTURE_SCORES,
          Tables.ELIGIBILITY,
          Tables.REFERENTIAL_ITEMS);

  private IntervalsJob() {}

  public static void run(SparkSession spark, Warehouse warehouse, EditionConfig config) {
    int edition = config.edition();
    spark.sparkContext().setJobDescription("intervals " + edition);
    ScoreIntervals.Result result =
        ScoreIntervals.intervals(
            new ScoreIntervals.Inputs(
                warehouse.read(Tables.ANSWER_POINTS, edition),
                warehouse.read(Tables.SITE_SCORES, edition),
                warehouse.read(Tables.SITE_CHANNEL_SCORES, edition),
                warehouse.read(Tables.STRUCTURE_SCORES, edition),
                warehouse.read(Tables.ELIGIBILITY, edition),
                warehouse.read(Tables.REFERENTIAL_ITEMS, edition)),
            config);
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put(Tables.SCORE_INTERVALS, result.scoreIntervals());
    tables.put(Tables.CELL_INTERVALS, result.cellIntervals());
    try {
      warehouse.replaceEditions(edition, tables);
    } finally {
      result.release();
    }
  }

  /**
   * Whether the edition's intervals are in the warehouse: a warehouse scored by a pipeline older
   * than this step has none, and publish computes them first.
   */
  public static boolean written(Warehouse warehouse, int edition) {
    return warehouse.exists(Tables.SCORE_INTERVALS)
        && warehouse.exists(Tables.CELL_INTERVALS)
        && !warehouse.read(Tables.CELL_INTERVALS, edition).isEmpty();
  }
}
