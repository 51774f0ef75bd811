package fr.barometer.common.score;

import static fr.barometer.common.io.Columns.on;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.GridItem;
import fr.barometer.common.domain.Channel;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Completeness of the audits (spec 2.3): quotas met, and answers the auditors left out. */
public final class Completeness {
  private static final StructType CHANNEL_QUOTA =
      new StructType()
          .add("channel", DataTypes.StringType, false)
          .add("expected", DataTypes.IntegerType, false)
          .add("typed_items", DataTypes.LongType, false);

  private Completeness() {}

  /**
   * One row per perimeter site and channel (VISIT only for a site with the visit option): edition,
   * structure_id, site_id, is_main, channel, expected (the channel's quota), received (kept
   * audits), quota_met (received &gt;= expected), answers_expected (received audits x items of the
   * channel the auditor types, i.e. not computed), answers_missing (answer rows with basis
   * MISSING).
   */
  public static Dataset<Row> completeness(
      Dataset<Row> perimeter,
      Dataset<Row> keptAudits,
      Dataset<Row> answerPoints,
      List<GridItem> grid,
      EditionConfig config) {
    String[] siteChannel = {"edition", "structure_id", "site_id", "channel"};
    Dataset<Row> quotas =
        perimeter.sparkSession().createDataFrame(channelQuotas(grid, config), CHANNEL_QUOTA);
    Dataset<Row> received =
        keptAudits
            .groupBy(col("edition"), col("structure_id"), col("site_id"), col("channel"))
            .agg(count(lit(1)).as("received"));
    Dataset<Row> missing =
        answerPoints
            .where(col("basis").equalTo(AnswerBasis.MISSING.name()))
            .groupBy(col("edition"), col("structure_id"), col("site_id"), col("channel"))
            .agg(count(lit(1)).as("answers_missing"));
    return perimeter
        .crossJoin(broadcast(quotas))
        .where(col("channel").notEqual(Channel.VISIT.name()).or(col("mystery_visit")))
        .join(received, on(siteChannel), "left")
        .join(missing, on(siteChannel), "left")
        .select(
            col("edition"),
            col("structure_id"),
            col("site_id"),
            col("is_main"),
            col("channel"),
            col("expected"),
            coalesce(col("received"), lit(0L)).as("received"),
            coalesce(col("received"), lit(0L)).geq(col("expected")).as("quota_met"),
            coalesce(col("received"), lit(0L)).multiply(col("typed_items")).as("answers_expected"),
            coalesce(col("answers_missing"), lit(0L)).as("answers_missing"));
  }

  private static List<Row> channelQuotas(List<GridItem> grid, EditionConfig config) {
    return Arrays.stream(Channel.values())
        .map(c -> RowFactory.create(c.name(), config.quota(c), Grid.typedItemCount(grid, c)))
        .toList();
  }
}
