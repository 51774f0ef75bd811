package fr.barometer.common.score;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.domain.Plan;
import fr.barometer.common.io.Columns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The per-structure figures that every comparison uses (spec 2.2, 2.3). */
public final class StructureScores {
  private StructureScores() {}

  /**
   * One row per participating structure: edition, structure_id, category, plan, peer_group,
   * barometer_score, global_score, all_sites_score, compliance, complete, n_audits, n_sites.
   *
   * <ul>
   *   <li>barometer_score: the main site's remote_score; global_score: its global_score;
   *       compliance: its remote_compliance.
   *   <li>all_sites_score: PERSONALIZED only, the mean of its perimeter sites' global scores over
   *       the sites that have one; null on the STANDARD plan.
   *   <li>complete: the main site meets every quota (false without a main site).
   *   <li>n_audits: kept audits of all its perimeter sites; n_sites: its perimeter sites.
   * </ul>
   */
  public static Dataset<Row> structureScores(
      Dataset<Row> eligibility,
      Dataset<Row> siteScores,
      Dataset<Row> completeness,
      EditionConfig config) {
    Dataset<Row> mainSite =
        siteScores
            .where(col("is_main"))
            .select(
                col("edition"),
                col("structure_id"),
                col("remote_score").as("barometer_score"),
                col("global_score"),
                col("remote_compliance").as("compliance"));
    Dataset<Row> allSites =
        siteScores
            .groupBy("edition", "structure_id")
            .agg(
                ScoreFigures.mean(col("global_score")).as("mean_site_score"),
                sum(col("n_audits")).as("n_audits"),
                count(lit(1)).as("n_sites"));
    // min over booleans is false as soon as one quota is missed.
    Dataset<Row> quotas =
        completeness
            .where(col("is_main"))
            .groupBy("edition", "structure_id")
            .agg(min(col("quota_met")).as("complete"));
    return Eligibility.participating(eligibility)
        .where(col("edition").equalTo(config.edition()))
        .select("edition", "structure_id", "category", "plan", "peer_group")
        .join(mainSite, Columns.on("edition", "structure_id"), "left")
        .join(allSites, Columns.on("edition", "structure_id"), "left")
        .join(quotas, Columns.on("edition", "structure_id"), "left")
        .select(
            col("edition"),
            col("structure_id"),
            col("category"),
            col("plan"),
            col("peer_group"),
            col("barometer_score"),
            col("global_score"),
            when(col("plan").equalTo(Plan.PERSONALIZED.name()), col("mean_site_score"))
                .as("all_sites_score"),
            col("compliance"),
            coalesce(col("complete"), lit(false)).as("complete"),
            coalesce(col("n_audits"), lit(0L)).as("n_audits"),
            coalesce(col("n_sites"), lit(0L)).as("n_sites"));
  }
}
