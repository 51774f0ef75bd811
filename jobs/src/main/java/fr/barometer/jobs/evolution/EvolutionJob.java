package fr.barometer.jobs.evolution;

import fr.barometer.common.evolution.BarometerSeries;
import fr.barometer.common.evolution.EditionGrid;
import fr.barometer.common.evolution.Evolution;
import fr.barometer.common.evolution.GridComparisons;
import fr.barometer.common.io.EditionSettings;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import fr.barometer.common.score.Grid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Compares the edition with the earlier ones in the warehouse: each structure's evolution and the
 * national series. The later editions' comparisons rest on this edition's figures, so they are
 * rewritten in the same commits; the other tables of other editions are never touched.
 */
public final class EvolutionJob {
  /** The tables the step reads, every edition of them. */
  public static final List<String> READS =
      List.of(
          Tables.EDITION_SETTINGS,
          Tables.REFERENTIAL_ITEMS,
          Tables.POSITIONING,
          Tables.ANSWER_POINTS,
          Tables.SITE_SCORES,
          Tables.BAROMETER_NATIONAL);

  private EvolutionJob() {}

  /**
   * Rewrites the evolution and series of {@code edition} and every later published edition; returns
   * those editions (none when no edition from {@code edition} on is published).
   */
  public static List<Integer> run(SparkSession spark, Warehouse warehouse, int edition) {
    return compare(spark, warehouse, edition, true);
  }

  /**
   * Rewrites the evolution and series of the published editions after {@code edition} (a rollback
   * of {@code edition} changed what they compare with); returns them.
   */
  public static List<Integer> runLaterThan(SparkSession spark, Warehouse warehouse, int edition) {
    return compare(spark, warehouse, edition, false);
  }

  private static List<Integer> compare(
      SparkSession spark, Warehouse warehouse, int edition, boolean withEdition) {
    spark.sparkContext().setJobDescription("evolution " + edition);
    if (!warehouse.exists(Tables.POSITIONING)) {
      return List.of();
    }
    TreeSet<Integer> editions = new TreeSet<>(editions(warehouse));
    if (withEdition) {
      // Even when it positions no structure: its (empty) comparison is written.
      editions.add(edition);
    }
    List<Integer> published = List.copyOf(editions);
    List<Integer> targets =
        published.stream().filter(e -> withEdition ? e >= edition : e > edition).toList();
    if (targets.isEmpty()) {
      return targets;
    }
    Dataset<Row> grids = warehouse.read(Tables.REFERENTIAL_ITEMS);
    GridComparisons comparisons =
        GridComparisons.of(
            spark,
            published.stream()
                .map(
                    e ->
                        new EditionGrid(
                            e,
                            Grid.items(grids, e),
                            EditionSettings.of(warehouse, e).channelWeights()))
                .toList());
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put(
        Tables.EVOLUTION,
        Evolution.evolution(
            warehouse.read(Tables.POSITIONING),
            Evolution.mainSiteAnswers(
                warehouse.read(Tables.ANSWER_POINTS), warehouse.read(Tables.SITE_SCORES)),
            comparisons,
            targets));
    tables.put(
        Tables.BAROMETER_SERIES,
        BarometerSeries.series(
            warehouse.read(Tables.BAROMETER_NATIONAL), comparisons.bases(), targets));
    Map<String, Callable<Long>> writes = new LinkedHashMap<>();
    tables.forEach((t, rows) -> writes.put(t, () -> warehouse.replaceEditions(t, targets, rows)));
    Warehouse.concurrently(writes);
    return targets;
  }

  /** The editions that have a positioning, in order. */
  private static List<Integer> editions(Warehouse warehouse) {
    return warehouse.read(Tables.POSITIONING).select("edition").distinct().collectAsList().stream()
        .map(r -> r.getInt(0))
        .sorted()
        .toList();
  }
}
