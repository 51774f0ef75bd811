package fr.barometer.common.publish;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percent_rank;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.when;

import fr.barometer.common.score.Ties;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Where each structure stands (spec 3): in its peer group, in the national sample, and on its
 * territory (region and department of its main site), for every measure it has a value for.
 */
public final class Positioning {
  private Positioning() {}

  /**
   * Rank (1 = best, ties share it) among the rows of the same edition, measure and group column.
   */
  public static Column rankIn(String by) {
    return rank().over(best(by));
  }

  /** Number of rows with the same edition, measure and group column. */
  public static Column sizeOf(String by) {
    return count(lit(1)).over(group(by));
  }

  /**
   * 100 x PERCENT_RANK over comparable values ascending within the group (0 for a group of one).
   */
  public static Column percentileIn(String by) {
    return percentile(by);
  }

  /**
   * edition, structure_id, peer_group, measure, value, rank, peer_group_size, percentile_peer,
   * percentile_national, quartile, gap_to_peer_mean, gap_to_national_mean, region_code,
   * rank_region, region_size, percentile_region, department_code, rank_department, department_size,
   * percentile_department.
   *
   * <ul>
   *   <li>rank: SQL RANK over value descending (1 = best, ties share a rank). Values equal to
   *       {@link Ties#DECIMALS} decimals are ties: see {@link Ties#comparable}.
   *   <li>percentile_*: 100 x SQL PERCENT_RANK over value ascending (0 = lowest, 100 = highest; 0
   *       for a group of one).
   *   <li>quartile: from percentile_peer: 1 when >= 75, 2 when >= 50, 3 when >= 25, else 4.
   *   <li>gaps: value minus the group's mean, in score points.
   * </ul>
   */
  public static Dataset<Row> positioning(Dataset<Row> measures) {
    Column percentilePeer = percentile("peer_group");
    return measures.select(
        col("edition"),
        col("structure_id"),
        col("peer_group"),
        col("measure"),
        col("value"),
        rank().over(best("peer_group")).as("rank"),
        count(lit(1)).over(group("peer_group")).as("peer_group_size"),
        percentilePeer.as("percentile_peer"),
        percentile(null).as("percentile_national"),
        quartile(percentilePeer).as("quartile"),
        col("value").minus(avg("value").over(group("peer_group"))).as("gap_to_peer_mean"),
        col("value").minus(avg("value").over(group(null))).as("gap_to_national_mean"),
        col("region_code"),
        rank().over(best("region_code")).as("rank_region"),
        count(lit(1)).over(group("region_code")).as("region_size"),
        percentile("region_code").as("percentile_region"),
        col("department_code"),
        rank().over(best("department_code")).as("rank_department"),
        count(lit(1)).over(group("department_code")).as("department_size"),
        percentile("department_code").as("percentile_department"));
  }

  /** 1 when the percentile is >= 75, 2 when >= 50, 3 when >= 25, else 4. */
  public static Column quartile(Column percentile) {
    return when(percentile.geq(75), 1)
        .when(percentile.geq(50), 2)
        .when(percentile.geq(25), 3)
        .otherwise(4);
  }

  /** The comparison group: one measure, and the named grouping column (null: the whole sample). */
  private static WindowSpec group(String by) {
    return by == null
        ? Window.partitionBy(col("edition"), col("measure"))
        : Window.partitionBy(col("edition"), col("measure"), col(by));
  }

  private static WindowSpec best(String by) {
    return group(by).orderBy(Ties.comparable(col("value")).desc());
  }

  private static Column percentile(String by) {
    return lit(100.0)
        .multiply(percent_rank().over(group(by).orderBy(Ties.comparable(col("value")).asc())));
  }
}
