package fr.barometer.common.ingest;

import static fr.barometer.common.ingest.QuarantineReason.MALFORMED_RECORD;
import static fr.barometer.common.ingest.QuarantineReason.UNKNOWN_CODE;
import static fr.barometer.common.ingest.QuarantineReason.UNKNOWN_COMMUNE;
import static fr.barometer.common.ingest.QuarantineReason.UNKNOWN_STRUCTURE;
import static fr.barometer.common.ingest.Values.bool;
import static fr.barometer.common.ingest.Values.code;
import static fr.barometer.common.ingest.Values.optional;
import static fr.barometer.common.ingest.Values.optionalLong;
import static fr.barometer.common.ingest.Values.required;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import fr.barometer.common.domain.ApplicationStatus;
import fr.barometer.common.domain.Category;
import fr.barometer.common.domain.Plan;
import fr.barometer.common.domain.Subtypes;
import fr.barometer.common.io.Schemas;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The registry inputs (reference communes and EPCI, structures, sites, orders): their layouts and
 * how each record becomes a row. Lookups passed in are the already kept rows of the inputs they
 * refer to.
 */
public final class RegistryInputs {
  private RegistryInputs() {}

  public static final CsvStaging.Layout COMMUNES_LAYOUT =
      new CsvStaging.Layout(
          ',',
          List.of(
              "insee_code",
              "name",
              "department_code",
              "department_name",
              "region_code",
              "region_name",
              "population",
              "epci_siren"),
          false);
  public static final CsvStaging.Layout EPCI_LAYOUT =
      new CsvStaging.Layout(
          ',', List.of("siren", "name", "type", "population", "member_count"), false);
  public static final CsvStaging.Layout STRUCTURES_LAYOUT =
      new CsvStaging.Layout(
          ',',
          List.of(
              "structure_id",
              "name",
              "category",
              "subtype",
              "insee_code",
              "epci_siren",
              "application_status",
              "plan",
              "contact_email"),
          false);
  public static final CsvStaging.Layout SITES_LAYOUT =
      new CsvStaging.Layout(
          ',',
          List.of("site_id", "structure_id", "name", "insee_code", "is_main", "mystery_visit"),
          false);
  public static final CsvStaging.Layout ORDERS_LAYOUT =
      new CsvStaging.Layout(
          ',', List.of("structure_id", "restitution", "professional_audit"), false);

  public static final Staging COMMUNES = new Staging(Schemas.COMMUNES);
  public static final Staging EPCI = new Staging(Schemas.EPCI);
  public static final Staging STRUCTURES = new Staging(Schemas.STRUCTURES);
  public static final Staging SITES = new Staging(Schemas.SITES);
  public static final Staging ORDERS = new Staging(Schemas.ORDERS);

  public static CsvStaging.Converter communes() {
    return (r, row) ->
        row.set("insee_code", required("insee_code", r.get("insee_code")))
            .set("name", optional(r.get("name")))
            .set("department_code", optional(r.get("department_code")))
            .set("department_name", optional(r.get("department_name")))
            .set("region_code", optional(r.get("region_code")))
            .set("region_name", optional(r.get("region_name")))
            .set("population", optionalLong("population", r.get("population")))
            .set("epci_siren", optional(r.get("epci_siren")));
  }

  public static CsvStaging.Converter epci() {
    return (r, row) -> {
      Long members = optionalLong("member_count", r.get("member_count"));
      row.set("siren", required("siren", r.get("siren")))
          .set("name", optional(r.get("name")))
          .set("type", optional(r.get("type")))
          .set("population", optionalLong("population", r.get("population")))
          .set("member_count", members == null ? null : members.intValue());
    };
  }

  /** {@code communes} and {@code epci}: the codes of the kept reference rows. */
  public static CsvStaging.Converter structures(Set<String> communes, Set<String> epci) {
    return (r, row) -> {
      String subtype = optional(r.get("subtype"));
      String insee = required("insee_code", r.get("insee_code"));
      String siren = optional(r.get("epci_siren"));
      row.set("structure_id", required("structure_id", r.get("structure_id")))
          .set("name", optional(r.get("name")))
          .set("category", code("category", r.get("category"), Category.class).name())
          .set("subtype", subtype)
          .set(
              "application_status",
              code("application_status", r.get("application_status"), ApplicationStatus.class)
                  .name())
          .set("plan", code("plan", r.get("plan"), Plan.class).name())
          .set("contact_email", optional(r.get("contact_email")));
      if (!communes.contains(insee)) {
        throw Rejection.raise(
            UNKNOWN_COMMUNE, "insee_code '" + insee + "' is not a commune of the reference data");
      }
      if (Subtypes.INTERCOMMUNALITY.equalsIgnoreCase(String.valueOf(subtype)) && siren == null) {
        throw Rejection.raise(MALFORMED_RECORD, "epci_siren is missing for an intercommunality");
      }
      if (siren != null && !epci.contains(siren)) {
        throw Rejection.raise(
            UNKNOWN_CODE, "epci_siren '" + siren + "' is not an EPCI of the reference data");
      }
      row.set("insee_code", insee).set("epci_siren", siren);
    };
  }

  /** {@code structures}: the ids of the kept structures. */
  public static CsvStaging.Converter sites(Set<String> structures) {
    return (r, row) -> {
      String structure = required("structure_id", r.get("structure_id"));
      row.set("site_id", required("site_id", r.get("site_id")))
          .set("name", optional(r.get("name")))
          .set("insee_code", optional(r.get("insee_code")))
          .set("is_main", bool("is_main", r.get("is_main")))
          .set("mystery_visit", bool("mystery_visit", r.get("mystery_visit")));
      requireStructure(structures, structure);
      row.set("structure_id", structure);
    };
  }

  public static CsvStaging.Converter orders(Set<String> structures) {
    return (r, row) -> {
      String structure = required("structure_id", r.get("structure_id"));
      row.set("restitution", bool("restitution", r.get("restitution")))
          .set("professional_audit", bool("professional_audit", r.get("professional_audit")));
      requireStructure(structures, structure);
      row.set("structure_id", structure);
    };
  }

  /**
   * Exactly one main site per structure: when a structure has several kept main sites, every one is
   * refused (none can be told to be the real one). Works on resolved staging rows.
   */
  public static Dataset<Row> oneMainSite(Dataset<Row> resolvedSites) {
    Column keptMain = col(Dedup.FATE).equalTo(Dedup.KEPT).and(col("is_main"));
    Column mains =
        sum(when(keptMain, 1).otherwise(0)).over(Window.partitionBy(col("structure_id")));
    Column conflict = keptMain.and(mains.gt(1));
    return resolvedSites
        .withColumn("_mains", mains)
        .withColumn(
            Staging.REASON,
            when(conflict, lit(QuarantineReason.MAIN_SITE_CONFLICT.name()))
                .otherwise(col(Staging.REASON)))
        .withColumn(
            Staging.DETAIL,
            when(
                    conflict,
                    concat(
                        lit("structure "),
                        col("structure_id"),
                        lit(" has "),
                        col("_mains"),
                        lit(" main sites")))
                .otherwise(col(Staging.DETAIL)))
        .withColumn(Dedup.FATE, when(conflict, lit(null).cast("string")).otherwise(col(Dedup.FATE)))
        .drop("_mains");
  }

  private static void requireStructure(Set<String> structures, String id) {
    if (!structures.contains(id)) {
      throw Rejection.raise(
          UNKNOWN_STRUCTURE, "structure_id '" + id + "' is not in structures.csv");
    }
  }
}
