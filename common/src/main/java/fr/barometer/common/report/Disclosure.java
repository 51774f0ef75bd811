package fr.barometer.common.report;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import fr.barometer.common.domain.ComparisonGroup;
import fr.barometer.common.domain.Scope;
import fr.barometer.common.io.Columns;
import fr.barometer.common.publish.Positioning;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The one disclosure rule of everything a structure receives (its HTML, PDF and JSON report, and
 * the report datasets they are made from): a figure computed over other structures is shown only
 * when its group holds at least k_anonymity structures, the structure itself included.
 *
 * <ul>
 *   <li>Value figures of a group (its mean, quartiles, a gap to its mean) and the structure's rank,
 *       percentile and quartile in it come from one comparison group per measure: the peer group,
 *       else the category, else the national sample, the first whose cell of the national barometer
 *       is published. A published cell has at least k structures and survived the secondary
 *       suppression, so no report reveals by difference a cell the national page hides.
 *   <li>Rank and percentile on the territory (region, department): shown when the territory holds
 *       at least k structures with a value for the measure.
 *   <li>Survey figures of a territory: shown when at least k distinct structures are named by its
 *       eligible responses (responses naming no structure do not count); of the nested department,
 *       region and nation, only the narrowest such figure, since two nested figures would let their
 *       difference (perhaps a single structure's responses) be read.
 * </ul>
 *
 * <p>Counts (how many structures a group holds) are shown: the national page publishes them too.
 * The analysts' tables keep every figure; only what a structure receives goes through here.
 */
public final class Disclosure {
  private Disclosure() {}

  /** Whether a group of this many structures may be shown to one of them. */
  public static Column anonymous(Column structures, int kAnonymity) {
    return structures.geq(kAnonymity);
  }

  /**
   * Per structure and measure, the position a structure may receive: edition, structure_id,
   * measure, value, peer_group, peer_group_size, peer_group_published, comparison (a {@link
   * ComparisonGroup} name, null when no group is published), comparison_group (its scope value),
   * comparison_size, rank, percentile, quartile, group_mean, gap_to_group_mean, group_p25,
   * group_median, group_p75 (the comparison group's published cell), percentile_national,
   * gap_to_national_mean (when the national cell is published), region_code, region_size,
   * rank_region, percentile_region, department_code, department_size, rank_department,
   * percentile_department (rank and percentile only for a territory of at least k structures).
   *
   * @param positioning the positioning table (every figure, for the analysts)
   * @param participating the participating rows of eligibility (category, stratum)
   * @param national the national barometer's cells, with their suppression flag
   */
  public static Dataset<Row> positions(
      Dataset<Row> positioning, Dataset<Row> participating, Dataset<Row> national, int kAnonymity) {
    Dataset<Row> published =
        broadcast(
            national
                .where(not(col("suppressed")))
                .select(
                    "edition",
                    "scope",
                    "scope_value",
                    "measure",
                    "n_structures",
                    "mean",
                    "p25",
                    "median",
                    "p75"));
    Dataset<Row> ranked =
        positioning
            .join(
                participating.select("edition", "structure_id", "category", "stratum"),
                Columns.on("edition", "structure_id"))
            .withColumn("rank_category", Positioning.rankIn("category"))
            .withColumn("category_size", Positioning.sizeOf("category"))
            .withColumn("percentile_category", Positioning.percentileIn("category"))
            .withColumn("rank_national", Positioning.rankIn(null))
            .withColumn("national_size", Positioning.sizeOf(null))
            .withColumn(
                "peer_cell_scope",
                when(col("peer_group").equalTo(col("stratum")), lit(Scope.STRATUM.name()))
                    .otherwise(lit(Scope.CATEGORY.name())));
    Dataset<Row> withCells =
        withCell(
            withCell(
                withCell(ranked, published, "peer", col("peer_cell_scope"), col("peer_group")),
                published,
                "cat",
                lit(Scope.CATEGORY.name()),
                col("category")),
            published,
            "nat",
            lit(Scope.NATIONAL.name()),
            lit(Scope.FRANCE));
    Choice choice =
        new Choice(col("peer_n").isNotNull(), col("cat_n").isNotNull(), col("nat_n").isNotNull());
    Column percentile =
        choice.pick(col("percentile_peer"), col("percentile_category"), col("percentile_national"));
    Column groupMean = choice.pick(col("peer_mean"), col("cat_mean"), col("nat_mean"));
    Column region = anonymous(col("region_size"), kAnonymity);
    Column department = anonymous(col("department_size"), kAnonymity);
    return withCells.select(
        col("edition"),
        col("structure_id"),
        col("measure"),
        col("value"),
        col("peer_group"),
        col("peer_group_size"),
        col("peer_n").isNotNull().as("peer_group_published"),
        choice
            .pick(
                lit(ComparisonGroup.PEER_GROUP.name()),
                lit(ComparisonGroup.CATEGORY.name()),
                lit(ComparisonGroup.NATIONAL.name()))
            .as("comparison"),
        choice.pick(col("peer_group"), col("category"), lit(Scope.FRANCE)).as("comparison_group"),
        choice
            .pick(col("peer_group_size"), col("category_size"), col("national_size"))
            .as("comparison_size"),
        choice.pick(col("rank"), col("rank_category"), col("rank_national")).as("rank"),
        percentile.as("percentile"),
        when(percentile.isNotNull(), Positioning.quartile(percentile)).as("quartile"),
        groupMean.as("group_mean"),
        col("value").minus(groupMean).as("gap_to_group_mean"),
        choice.pick(col("peer_p25"), col("cat_p25"), col("nat_p25")).as("group_p25"),
        choice.pick(col("peer_median"), col("cat_median"), col("nat_median")).as("group_median"),
        choice.pick(col("peer_p75"), col("cat_p75"), col("nat_p75")).as("group_p75"),
        when(choice.national, col("percentile_national")).as("percentile_national"),
        when(choice.national, col("value").minus(col("nat_mean"))).as("gap_to_national_mean"),
        col("region_code"),
        col("region_size"),
        when(region, col("rank_region")).as("rank_region"),
        when(region, col("percentile_region")).as("percentile_region"),
        col("department_code"),
        col("department_size"),
        when(department, col("rank_department")).as("rank_department"),
        when(department, col("percentile_department")).as("percentile_department"));
  }

  /**
   * Per structure and measure, the intervals a structure may receive: edition, structure_id,
   * measure, lower, upper, replicates (its own score's 95% interval: its own audits, and for a
   * channel of few audits the spread of the edition's audits of that channel, which the national
   * page describes), and for OVERALL rank_lower, rank_upper, p_first, gap_to_peer_mean_lower,
   * gap_to_peer_mean_upper, vs_peer_mean: figures of its peer group, shown only when the peer group
   * is the group its position is compared with (its published cell, see {@link #positions}); null
   * otherwise, so no report ranks a structure in a group the rule hides, nor in a group it is not
   * compared with.
   *
   * @param scoreIntervals the score_intervals table
   * @param positions {@link #positions}: which group each measure is compared with
   */
  public static Dataset<Row> intervals(Dataset<Row> scoreIntervals, Dataset<Row> positions) {
    Dataset<Row> compared =
        positions.select(col("edition"), col("structure_id"), col("measure"), col("comparison"));
    Column peer = col("comparison").equalTo(ComparisonGroup.PEER_GROUP.name());
    return scoreIntervals
        .join(compared, Columns.on("edition", "structure_id", "measure"), "left")
        .select(
            col("edition"),
            col("structure_id"),
            col("measure"),
            col("lower"),
            col("upper"),
            col("replicates"),
            when(peer, col("rank_lower")).as("rank_lower"),
            when(peer, col("rank_upper")).as("rank_upper"),
            when(peer, col("p_first")).as("p_first"),
            when(peer, col("gap_to_peer_mean_lower")).as("gap_to_peer_mean_lower"),
            when(peer, col("gap_to_peer_mean_upper")).as("gap_to_peer_mean_upper"),
            when(peer, col("vs_peer_mean")).as("vs_peer_mean"));
  }

  /** Why a territory's survey satisfaction is not shown to the structure. */
  public enum Withheld {
    /** Its responses name fewer than k structures. */
    TOO_FEW_STRUCTURES,
    /** Fewer responses than survey_min_responses. */
    TOO_FEW_RESPONSES,
    /** A narrower territory's figure is shown instead. */
    NARROWER_SHOWN
  }

  /**
   * The category's perception in the structure's department, region and nation, as three structs
   * named department, region and category: responses, structures (distinct structures named),
   * withheld (a {@link Withheld} name, null when shown), satisfaction_overall (only when shown).
   * Reads the columns {level}_responses, {level}_structures and {level}_satisfaction_overall (null
   * below the survey threshold) of the three levels.
   */
  public static List<Column> territorialPerception(int kAnonymity) {
    Column department = showable("department", kAnonymity);
    Column region = not(department).and(showable("region", kAnonymity));
    Column category =
        not(department)
            .and(not(showable("region", kAnonymity)))
            .and(showable("category", kAnonymity));
    return List.of(
        perception("department", kAnonymity, department),
        perception("region", kAnonymity, region),
        perception("category", kAnonymity, category));
  }

  private static Column showable(String level, int kAnonymity) {
    return anonymous(structuresOf(level), kAnonymity)
        .and(col(level + "_satisfaction_overall").isNotNull());
  }

  private static Column structuresOf(String level) {
    return coalesce(col(level + "_structures"), lit(0L));
  }

  private static Column perception(String level, int kAnonymity, Column shown) {
    Column withheld =
        when(shown, lit(null).cast("string"))
            .when(
                not(anonymous(structuresOf(level), kAnonymity)),
                lit(Withheld.TOO_FEW_STRUCTURES.name()))
            .when(
                col(level + "_satisfaction_overall").isNull(),
                lit(Withheld.TOO_FEW_RESPONSES.name()))
            .otherwise(lit(Withheld.NARROWER_SHOWN.name()));
    return struct(
            coalesce(col(level + "_responses"), lit(0L)).as("responses"),
            structuresOf(level).as("structures"),
            withheld.as("withheld"),
            when(shown, col(level + "_satisfaction_overall")).as("satisfaction_overall"))
        .as(level);
  }

  /** The first published group among peer group, category and national sample. */
  private record Choice(Column peer, Column category, Column national) {
    Column pick(Column ifPeer, Column ifCategory, Column ifNational) {
      return when(peer, ifPeer).when(category, ifCategory).when(national, ifNational);
    }
  }

  /** Left-joins the published cell of (scope, value, measure), its columns prefixed. */
  private static Dataset<Row> withCell(
      Dataset<Row> rows, Dataset<Row> published, String prefix, Column scope, Column scopeValue) {
    Dataset<Row> cell =
        published.select(
            col("edition").as(prefix + "_edition"),
            col("scope").as(prefix + "_scope"),
            col("scope_value").as(prefix + "_scope_value"),
            col("measure").as(prefix + "_measure"),
            col("n_structures").as(prefix + "_n"),
            col("mean").as(prefix + "_mean"),
            col("p25").as(prefix + "_p25"),
            col("median").as(prefix + "_median"),
            col("p75").as(prefix + "_p75"));
    Column on =
        col("edition")
            .equalTo(col(prefix + "_edition"))
            .and(scope.equalTo(col(prefix + "_scope")))
            .and(scopeValue.equalTo(col(prefix + "_scope_value")))
            .and(col("measure").equalTo(col(prefix + "_measure")));
    return rows.join(cell, on, "left")
        .drop(prefix + "_edition", prefix + "_scope", prefix + "_scope_value", prefix + "_measure");
  }
}
