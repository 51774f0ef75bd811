package fr.barometer.common.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.sum;

import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.Measure;
import fr.barometer.common.io.Columns;
import fr.barometer.common.score.SiteScores;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The figures structures are compared on: for each participating structure, its main site's
 * barometer score (OVERALL) and its score per channel, journey step and criterion (all channels),
 * with the compliant and applicable answer counts behind each, so that compliance can be pooled.
 */
public final class Measures {
  private Measures() {}

  /** The measure column of a kind: its prefix and the code column ("CHANNEL:" || channel). */
  public static Column of(Measure.Kind kind, Column code) {
    return concat(lit(kind.prefix()), code);
  }

  /** Whether the measure column is this measure. */
  public static Column is(Measure measure) {
    return col("measure").equalTo(measure.text());
  }

  /** Whether the measure column is of this kind. */
  public static Column isA(Measure.Kind kind) {
    return kind == Measure.Kind.OVERALL
        ? is(Measure.OVERALL)
        : col("measure").startsWith(kind.prefix());
  }

  /** Whether the measure column is a remote channel (any channel but the visit). */
  public static Column isRemoteChannel() {
    return isA(Measure.Kind.CHANNEL)
        .and(col("measure").notEqual(Measure.channel(Channel.VISIT).text()));
  }

  /** The code part of the measure column: EMAIL of CHANNEL:EMAIL. */
  public static Column code() {
    return substring_index(col("measure"), ":", -1);
  }

  /**
   * edition, structure_id, category, subtype, stratum, peer_group, region_code, department_code,
   * measure, value, compliant, applicable; one row per structure and measure where the main site
   * has a value.
   */
  public static Dataset<Row> ofMainSites(
      Dataset<Row> participating,
      Dataset<Row> structureScores,
      Dataset<Row> siteScores,
      Dataset<Row> channelScores,
      Dataset<Row> stepScores,
      Dataset<Row> criterionScores) {
    Dataset<Row> mainSites =
        siteScores.where(col("is_main")).select("edition", "structure_id", "site_id");
    Dataset<Row> channels =
        onMainSites(channelScores, mainSites)
            .select(
                col("edition"),
                col("structure_id"),
                of(Measure.Kind.CHANNEL, col("channel")).as("measure"),
                col("score").as("value"),
                compliant(),
                col("n_applicable").as("applicable"));
    Dataset<Row> steps =
        onMainSites(stepScores, mainSites)
            .select(
                col("edition"),
                col("structure_id"),
                of(Measure.Kind.STEP, col("step")).as("measure"),
                col("score").as("value"),
                compliant(),
                col("n_applicable").as("applicable"));
    Dataset<Row> criteria =
        onMainSites(
                criterionScores.where(col("channel").equalTo(SiteScores.ALL_CHANNELS)), mainSites)
            .select(
                col("edition"),
                col("structure_id"),
                of(Measure.Kind.CRITERION, col("criterion")).as("measure"),
                col("score").as("value"),
                compliant(),
                col("n_applicable").as("applicable"));
    Dataset<Row> remoteCounts =
        channels
            .where(isRemoteChannel())
            .groupBy("edition", "structure_id")
            .agg(sum("compliant").as("compliant"), sum("applicable").as("applicable"));
    Dataset<Row> overall =
        structureScores
            .select(
                col("edition"),
                col("structure_id"),
                lit(Measure.OVERALL.text()).as("measure"),
                col("barometer_score").as("value"))
            .join(remoteCounts, Columns.on("edition", "structure_id"), "left")
            .select("edition", "structure_id", "measure", "value", "compliant", "applicable");
    return overall
        .unionByName(channels)
        .unionByName(steps)
        .unionByName(criteria)
        .where(col("value").isNotNull())
        .join(
            participating.select(
                "edition",
                "structure_id",
                "category",
                "subtype",
                "stratum",
                "peer_group",
                "region_code",
                "department_code"),
            Columns.on("edition", "structure_id"));
  }

  private static Dataset<Row> onMainSites(Dataset<Row> scores, Dataset<Row> mainSites) {
    return scores.join(mainSites, Columns.on("edition", "structure_id", "site_id"));
  }

  /** compliance is 100 x compliant / applicable, so the count is recovered exactly by rounding. */
  private static Column compliant() {
    return round(col("compliance").multiply(col("n_applicable")).divide(100.0))
        .cast("long")
        .as("compliant");
  }
}
