package fr.barometer.common.publish;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.Prices;
import fr.barometer.common.domain.Plan;
import fr.barometer.common.io.Columns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** What each participating structure pays (spec 6), from the edition's price list. */
public final class Invoices {
  private Invoices() {}

  /**
   * One row per participating structure: edition, structure_id, plan, personalized_main_site_ht,
   * additional_sites, additional_sites_ht, visit_sites, visits_ht, restitution_ht,
   * professional_audit_ht, total_ht, vat, total_ttc (euros; VAT rounded to the cent).
   *
   * <p>STANDARD: only the visit option of its main site. PERSONALIZED: the main site, each
   * additional site, each site with the visit option, and the extras of orders.csv.
   */
  public static Dataset<Row> invoices(
      Dataset<Row> participating, Dataset<Row> sites, Dataset<Row> orders, EditionConfig config) {
    Prices prices = config.prices();
    Column personalized = col("plan").equalTo(Plan.PERSONALIZED.name());
    Dataset<Row> billedSites =
        sites
            .join(
                participating.select("edition", "structure_id", "plan"),
                Columns.on("edition", "structure_id"))
            .where(col("is_main").or(personalized))
            .groupBy("edition", "structure_id")
            .agg(
                count(when(col("is_main").unary_$bang(), 1)).as("additional_sites"),
                count(when(col("mystery_visit"), 1)).as("visit_sites"));
    Column additional = coalesce(col("additional_sites"), lit(0L));
    Column visits = coalesce(col("visit_sites"), lit(0L));
    Column restitution = coalesce(col("restitution"), lit(false));
    Column professionalAudit = coalesce(col("professional_audit"), lit(false));
    Dataset<Row> lines =
        participating
            .select("edition", "structure_id", "plan")
            .join(billedSites, Columns.on("edition", "structure_id"), "left")
            .join(
                orders.select("edition", "structure_id", "restitution", "professional_audit"),
                Columns.on("edition", "structure_id"),
                "left")
            .select(
                col("edition"),
                col("structure_id"),
                col("plan"),
                when(personalized, lit(prices.personalizedMainSite()))
                    .otherwise(0.0)
                    .as("personalized_main_site_ht"),
                additional.as("additional_sites"),
                additional.multiply(prices.additionalSite()).as("additional_sites_ht"),
                visits.as("visit_sites"),
                visits.multiply(prices.visitsPerSite()).as("visits_ht"),
                when(personalized.and(restitution), lit(prices.restitution()))
                    .otherwise(0.0)
                    .as("restitution_ht"),
                when(personalized.and(professionalAudit), lit(prices.professionalAudit()))
                    .otherwise(0.0)
                    .as("professional_audit_ht"));
    Column total =
        col("personalized_main_site_ht")
            .plus(col("additional_sites_ht"))
            .plus(col("visits_ht"))
            .plus(col("restitution_ht"))
            .plus(col("professional_audit_ht"));
    return lines
        .withColumn("total_ht", round(total, 2))
        .withColumn("vat", round(col("total_ht").multiply(config.vatRate()), 2))
        .withColumn("total_ttc", round(col("total_ht").plus(col("vat")), 2));
  }
}
