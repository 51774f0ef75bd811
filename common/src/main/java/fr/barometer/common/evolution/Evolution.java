package fr.barometer.common.evolution;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import fr.barometer.common.domain.EvolutionBasis;
import fr.barometer.common.domain.Measure;
import fr.barometer.common.io.Columns;
import fr.barometer.common.publish.Measures;
import fr.barometer.common.score.ScoreFigures;
import fr.barometer.common.score.Ties;
import java.util.Collection;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Each structure's change since the latest earlier edition in which it has a value for the measure.
 * The values compared are the positioning's (the main site's), or for a measure whose items
 * changed, both recomputed on the shared items from the per-answer points the score step stored:
 * the scoring rules are not applied again, only the final weighted means.
 */
public final class Evolution {
  private static final String[] PAIR = {"edition", "previous_edition", "structure_id", "measure"};

  private Evolution() {}

  /**
   * edition, structure_id, measure, value, previous_edition, previous_value, delta, basis,
   * compared_value, compared_previous_value, rank, previous_rank, rank_change, peer_group,
   * previous_peer_group, peer_group_changed: one row per structure and measure of each target
   * edition that has a value in an earlier edition.
   *
   * @param positioning every edition's positioning
   * @param mainSiteAnswers every edition's answer_points rows of main sites (see {@link
   *     #mainSiteAnswers})
   * @param grids every edition pair's grid comparison
   * @param targets the editions whose evolution is computed
   */
  public static Dataset<Row> evolution(
      Dataset<Row> positioning,
      Dataset<Row> mainSiteAnswers,
      GridComparisons grids,
      Collection<Integer> targets) {
    Dataset<Row> pairs =
        latestEarlier(positioning, targets)
            .join(grids.bases(), Columns.on("edition", "previous_edition", "measure"), "left")
            .withColumn(
                "basis",
                org.apache.spark.sql.functions.coalesce(col("basis"), lit(notComparable())));
    Dataset<Row> recomputed = commonItemScores(pairs, mainSiteAnswers, grids.commonItems());
    Column sameGrid = col("basis").equalTo(EvolutionBasis.SAME_GRID.name());
    Column samePeerGroup = col("peer_group").equalTo(col("previous_peer_group"));
    Dataset<Row> compared =
        pairs
            .join(recomputed, Columns.on(PAIR), "left")
            .withColumn(
                "compared_value", when(sameGrid, col("value")).otherwise(col("common_value")))
            .withColumn(
                "compared_previous_value",
                when(sameGrid, col("previous_value")).otherwise(col("common_previous_value")))
            .select(
                col("edition"),
                col("structure_id"),
                col("measure"),
                col("value"),
                col("previous_edition"),
                col("previous_value"),
                Ties.comparable(col("compared_value").minus(col("compared_previous_value")))
                    .as("delta"),
                col("basis"),
                col("compared_value"),
                col("compared_previous_value"),
                col("rank"),
                col("previous_rank"),
                when(samePeerGroup, col("previous_rank").minus(col("rank"))).as("rank_change"),
                col("peer_group"),
                col("previous_peer_group"),
                not(samePeerGroup).as("peer_group_changed"));
    return compared.unionByName(
        inOneGridOnly(positioning, grids.oneGridOnly(), targets, compared), true);
  }

  /**
   * The measures one of the two grids lacks (a criterion added or dropped), NOT_COMPARABLE: a
   * structure's value of a measure new in its edition, or its previous edition's value of a measure
   * its edition no longer has, against the structure's previous edition (the latest earlier one in
   * which it has a value). A measure the structure had in an even earlier edition is compared with
   * that one above, not here.
   */
  private static Dataset<Row> inOneGridOnly(
      Dataset<Row> positioning,
      Dataset<Row> oneGrid,
      Collection<Integer> targets,
      Dataset<Row> compared) {
    Dataset<Row> current = current(positioning, targets);
    Dataset<Row> earlier = earlier(positioning);
    Dataset<Row> structurePrevious =
        current
            .select("edition", "structure_id")
            .distinct()
            .join(earlier.select("previous_edition", "structure_id").distinct(), "structure_id")
            .where(col("previous_edition").lt(col("edition")))
            .groupBy("edition", "structure_id")
            .agg(max("previous_edition").as("previous_edition"));
    Dataset<Row> added =
        structurePrevious
            .join(
                oneGrid.where(isPresence(GridComparison.Presence.CURRENT_ONLY)),
                Columns.on("edition", "previous_edition"))
            .join(current, Columns.on("edition", "structure_id", "measure"))
            .join(
                compared.select("edition", "structure_id", "measure"),
                Columns.on("edition", "structure_id", "measure"),
                "left_anti");
    Dataset<Row> dropped =
        structurePrevious
            .join(
                oneGrid.where(isPresence(GridComparison.Presence.PREVIOUS_ONLY)),
                Columns.on("edition", "previous_edition"))
            .join(earlier, Columns.on("previous_edition", "structure_id", "measure"));
    return added
        .unionByName(dropped, true)
        .drop("presence")
        .withColumn("basis", lit(notComparable()));
  }

  private static Column isPresence(GridComparison.Presence presence) {
    return col("presence").equalTo(presence.name());
  }

  /**
   * answer_points rows of each edition's main sites: edition, structure_id, item_id, channel,
   * points.
   */
  public static Dataset<Row> mainSiteAnswers(Dataset<Row> answerPoints, Dataset<Row> siteScores) {
    return answerPoints
        .join(
            siteScores.where(col("is_main")).select("edition", "structure_id", "site_id"),
            Columns.on("edition", "structure_id", "site_id"))
        .select("edition", "structure_id", "item_id", "channel", "points");
  }

  /** The target editions' values: edition, structure_id, measure, value, rank, peer_group. */
  private static Dataset<Row> current(Dataset<Row> positioning, Collection<Integer> targets) {
    return positioning
        .where(col("edition").isin(targets.toArray()))
        .select("edition", "structure_id", "measure", "value", "rank", "peer_group");
  }

  /** Every edition's values as earlier ones: previous_edition, previous_value... */
  private static Dataset<Row> earlier(Dataset<Row> positioning) {
    return positioning.select(
        col("edition").as("previous_edition"),
        col("structure_id"),
        col("measure"),
        col("value").as("previous_value"),
        col("rank").as("previous_rank"),
        col("peer_group").as("previous_peer_group"));
  }

  /** Each target edition's values joined with the latest earlier edition having one. */
  private static Dataset<Row> latestEarlier(Dataset<Row> positioning, Collection<Integer> targets) {
    Dataset<Row> current = current(positioning, targets);
    Dataset<Row> earlier = earlier(positioning);
    WindowSpec sameValue = Window.partitionBy("edition", "structure_id", "measure");
    return current
        .join(earlier, Columns.on("structure_id", "measure"))
        .where(col("previous_edition").lt(col("edition")))
        .withColumn("latest", max("previous_edition").over(sameValue))
        .where(col("previous_edition").equalTo(col("latest")))
        .drop("latest");
  }

  /**
   * common_value and common_previous_value of the COMMON_ITEMS pairs: each side's score on the
   * shared items, with the later edition's weights.
   */
  private static Dataset<Row> commonItemScores(
      Dataset<Row> pairs, Dataset<Row> answers, Dataset<Row> commonItems) {
    Dataset<Row> items =
        pairs
            .where(col("basis").equalTo(EvolutionBasis.COMMON_ITEMS.name()))
            .select("edition", "previous_edition", "structure_id", "measure")
            .join(commonItems, Columns.on("edition", "previous_edition", "measure"));
    Dataset<Row> current =
        items.join(answers.drop("channel"), Columns.on("edition", "structure_id", "item_id"));
    Dataset<Row> previous =
        items.join(
            answers.drop("channel").withColumnRenamed("edition", "previous_edition"),
            Columns.on("previous_edition", "structure_id", "item_id"));
    return score(current, "common_value")
        .join(score(previous, "common_previous_value"), Columns.on(PAIR), "full_outer");
  }

  /**
   * The score of each pair's answers as the score step computes it: a weighted mean of points for a
   * channel, step or criterion; for the barometer score, the channel-weighted mean of the channels'
   * scores.
   */
  private static Dataset<Row> score(Dataset<Row> answers, String as) {
    Column isOverall = Measures.is(Measure.OVERALL);
    Dataset<Row> measures =
        answers
            .where(not(isOverall))
            .groupBy(col("edition"), col("previous_edition"), col("structure_id"), col("measure"))
            .agg(ScoreFigures.score(col("points"), col("weight")).as(as));
    Dataset<Row> overall =
        answers
            .where(isOverall)
            .groupBy("edition", "previous_edition", "structure_id", "measure", "channel")
            .agg(
                ScoreFigures.score(col("points"), col("weight")).as("channel_score"),
                first("channel_weight").as("channel_weight"))
            .groupBy("edition", "previous_edition", "structure_id", "measure")
            .agg(ScoreFigures.weightedMean(col("channel_score"), col("channel_weight")).as(as));
    return measures.unionByName(overall);
  }

  private static String notComparable() {
    return EvolutionBasis.NOT_COMPARABLE.name();
  }
}
