package fr.barometer.common.intervals;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.var_samp;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.io.Columns;
import fr.barometer.common.score.ScoreFigures;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The funnel plot of the national page: each structure's barometer score against its number of
 * audits, with the limits within which a structure's score would fall 95% (99.8%) of the time if
 * every structure had the national mean's quality and only the luck of its audits moved it.
 *
 * <p>Under that hypothesis a structure of n remote audits, spread over the channels as the
 * edition's audits are (channel c's share p_c), has a barometer score of variance sigma^2 / n, with
 * sigma^2 = sum over the remote channels of (w_c / W)^2 x s_c^2 / p_c: w_c the channel's weight, W
 * their sum over the channels with audits, s_c^2 the variance of one audit's score on channel c
 * across the edition's main sites. The limits are mean +- z x sigma / sqrt(n), z = 1.96 (95%) and
 * 3.09 (99.8%).
 *
 * @param mean the national mean barometer score (the published NATIONAL cell's)
 * @param auditSd sigma: the standard deviation of a one-audit barometer score under the hypothesis
 */
public record Funnel(double mean, double auditSd) {
  /** z of the inner limits: 95% of the scores within. */
  public static final double Z95 = 1.959964;

  /** z of the outer limits: 99.8% of the scores within. */
  public static final double Z998 = 3.090232;

  /** The limit at {@code n} audits: mean + z x sigma / sqrt(n) (z negative: the lower one). */
  public double limit(double n, double z) {
    return mean + z * auditSd / Math.sqrt(n);
  }

  /**
   * sigma from the edition's main-site audits (answer_points of the main sites of {@code
   * siteScores}): each audit's score on its channel, their variance and share per remote channel.
   * NaN when no remote channel has two audits.
   */
  public static double auditSd(
      Dataset<Row> answerPoints, Dataset<Row> siteScores, EditionConfig config) {
    int edition = config.edition();
    Dataset<Row> mainSites =
        siteScores
            .where(col("edition").equalTo(edition).and(col("is_main")))
            .select("edition", "structure_id", "site_id");
    Column weighted = ScoreFigures.weightedSum(col("points"), col("weight"));
    Column weights = ScoreFigures.weightSum(col("points"), col("weight"));
    Dataset<Row> audits =
        answerPoints
            .where(col("edition").equalTo(edition))
            .join(broadcast(mainSites), Columns.on("edition", "structure_id", "site_id"))
            .where(col("channel").notEqual(Channel.VISIT.name()))
            .groupBy("channel", "audit_id")
            .agg(weighted.as("weighted"), weights.as("weights"))
            .where(col("weights").gt(0))
            .select(
                col("channel"),
                lit(100.0)
                    .multiply(col("weighted").cast(DataTypes.DoubleType))
                    .divide(col("weights").cast(DataTypes.DoubleType))
                    .as("score"));
    double total = 0;
    double sumOfWeights = 0;
    java.util.List<Row> channels =
        audits
            .groupBy("channel")
            .agg(count(lit(1)).as("n"), avg("score").as("mean"), var_samp("score").as("var"))
            .collectAsList();
    for (Row r : channels) {
      total += r.getLong(1);
      sumOfWeights += config.channelWeight(Channel.valueOf(r.getString(0)));
    }
    double variance = 0;
    boolean any = false;
    for (Row r : channels) {
      if (r.isNullAt(3) || sumOfWeights <= 0) {
        continue;
      }
      double share = r.getLong(1) / total;
      double w = config.channelWeight(Channel.valueOf(r.getString(0))) / sumOfWeights;
      variance += w * w * r.getDouble(3) / share;
      any = true;
    }
    return any ? Math.sqrt(variance) : Double.NaN;
  }
}
