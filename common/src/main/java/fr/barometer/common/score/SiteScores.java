package fr.barometer.common.score;

import static fr.barometer.common.io.Columns.on;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.GridItem;
import fr.barometer.common.domain.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Per-site figures (spec 2.2) from answer_points. The grouped tables have a row for every group
 * that holds at least one answer row, applicable or not, so a group where nothing applies shows a
 * null score (never 0) beside its n_audits. Each carries score, compliance, n_audits (distinct
 * audits with a row in the group) and n_applicable (answers with points).
 */
public final class SiteScores {
  /** The {@code channel} value of figures over all channels together. */
  public static final String ALL_CHANNELS = "ALL";

  private SiteScores() {}

  /**
   * edition, structure_id, site_id, channel, item_id, criterion, step, score, compliance, n_audits,
   * n_applicable.
   */
  public static Dataset<Row> itemScores(Dataset<Row> answerPoints, List<GridItem> grid) {
    return figuresBy(
        answerPoints,
        auditCount(grid, i -> List.of(i.id())),
        "edition",
        "structure_id",
        "site_id",
        "channel",
        "item_id",
        "criterion",
        "step");
  }

  /**
   * edition, structure_id, site_id, channel, criterion, score, compliance, n_audits, n_applicable:
   * one row per channel, plus channel {@value #ALL_CHANNELS} for all channels together.
   */
  public static Dataset<Row> criterionScores(Dataset<Row> answerPoints, List<GridItem> grid) {
    // An audit has rows of its own channel only: one item per channel and criterion counts it in
    // the all-channel rows too.
    Column audits = auditCount(grid, i -> List.of(i.criterion()));
    Dataset<Row> perChannel =
        figuresBy(
            answerPoints, audits, "edition", "structure_id", "site_id", "channel", "criterion");
    Dataset<Row> allChannels =
        figuresBy(
            answerPoints.withColumn("channel", lit(ALL_CHANNELS)),
            audits,
            "edition",
            "structure_id",
            "site_id",
            "channel",
            "criterion");
    return perChannel.unionByName(allChannels);
  }

  /** edition, structure_id, site_id, channel, score, compliance, n_audits, n_applicable. */
  public static Dataset<Row> channelScores(Dataset<Row> answerPoints, List<GridItem> grid) {
    return figuresBy(
        answerPoints,
        auditCount(grid, i -> List.of()),
        "edition",
        "structure_id",
        "site_id",
        "channel");
  }

  /**
   * edition, structure_id, site_id, step, score, compliance, n_audits, n_applicable, over all
   * channels.
   */
  public static Dataset<Row> stepScores(Dataset<Row> answerPoints, List<GridItem> grid) {
    return figuresBy(
        answerPoints,
        auditCount(grid, i -> List.of(i.step())),
        "edition",
        "structure_id",
        "site_id",
        "step");
  }

  /**
   * One row per perimeter site, audited or not: edition, structure_id, site_id, is_main,
   * global_score, remote_score, compliance, remote_compliance, n_audits, n_remote_audits.
   *
   * <ul>
   *   <li>global_score: mean of the site's channel scores weighted by {@code channel_weights}, over
   *       the channels that have a score; remote_score: the same without VISIT. Null when no
   *       channel (with a positive weight) has a score.
   *   <li>compliance: pooled over all the site's applicable answers; remote_compliance: over those
   *       of its remote channels.
   *   <li>n_audits, n_remote_audits: kept audits of the site, 0 when none.
   * </ul>
   */
  public static Dataset<Row> siteScores(
      Dataset<Row> perimeter,
      Dataset<Row> keptAudits,
      Dataset<Row> answerPoints,
      Dataset<Row> channelScores,
      EditionConfig config) {
    String[] site = {"edition", "structure_id", "site_id"};
    Column channelWeight = channelWeight(col("channel"), config);
    Dataset<Row> means =
        channelScores
            .groupBy(site[0], site[1], site[2])
            .agg(
                ScoreFigures.weightedMean(col("score"), channelWeight).as("global_score"),
                ScoreFigures.weightedMean(remoteOnly(col("score")), channelWeight)
                    .as("remote_score"));
    Dataset<Row> pooled =
        answerPoints
            .groupBy(site[0], site[1], site[2])
            .agg(
                ScoreFigures.compliance(col("points")).as("compliance"),
                ScoreFigures.compliance(remoteOnly(col("points"))).as("remote_compliance"));
    Dataset<Row> audits =
        keptAudits
            .groupBy(site[0], site[1], site[2])
            .agg(count(lit(1)).as("n_audits"), count(remoteOnly(lit(1))).as("n_remote_audits"));
    return perimeter
        .join(means, on(site), "left")
        .join(pooled, on(site), "left")
        .join(audits, on(site), "left")
        .select(
            col("edition"),
            col("structure_id"),
            col("site_id"),
            col("is_main"),
            col("global_score"),
            col("remote_score"),
            col("compliance"),
            col("remote_compliance"),
            coalesce(col("n_audits"), lit(0L)).as("n_audits"),
            coalesce(col("n_remote_audits"), lit(0L)).as("n_remote_audits"));
  }

  /** The edition's weight of each channel; null for a code that is not a channel. */
  public static Column channelWeight(Column channel, EditionConfig config) {
    Column weight = null;
    for (Channel c : Channel.values()) {
      Column is = channel.equalTo(c.name());
      double w = config.channelWeight(c);
      weight = weight == null ? when(is, lit(w)) : weight.when(is, lit(w));
    }
    return weight;
  }

  /** The value on the remote channels' rows, null on VISIT's. */
  private static Column remoteOnly(Column value) {
    return when(col("channel").notEqual(Channel.VISIT.name()), value);
  }

  /**
   * The number of distinct audits in a group whose rows share {@code level} (besides the site and
   * the channel), counted without a distinct aggregation: answer_points holds exactly one row per
   * kept audit and grid item of the audit's channel, so the first item of each channel and level
   * value in the grid has exactly one row per audit in the group. A distinct count of audit_id
   * gives the same number, at the cost of a second aggregation over every answer.
   */
  private static Column auditCount(List<GridItem> grid, Function<GridItem, List<Object>> level) {
    Set<List<Object>> seen = new HashSet<>();
    List<String> firsts = new ArrayList<>();
    for (GridItem item : grid) {
      List<Object> key = new ArrayList<>(level.apply(item));
      key.add(item.channel());
      if (seen.add(key)) {
        firsts.add(item.id());
      }
    }
    return count(when(col("item_id").isin(firsts.toArray()), lit(1)));
  }

  private static Dataset<Row> figuresBy(Dataset<Row> answerPoints, Column nAudits, String... keys) {
    Column[] groups = Arrays.stream(keys).map(functions::col).toArray(Column[]::new);
    Column[] figures = ScoreFigures.figures(nAudits);
    return answerPoints
        .groupBy(groups)
        .agg(figures[0], Arrays.copyOfRange(figures, 1, figures.length));
  }
}
