package fr.barometer.common.io;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The one definition of every ingested table's columns. Column names are the analysts' interface:
 * snake_case, in the spec's words, stable. Every table starts with {@code edition}, its partition.
 */
public final class Schemas {
  private Schemas() {}

  public static final StructType COMMUNES =
      schema(
          req("edition", IntegerType),
          req("insee_code", StringType),
          opt("name", StringType),
          opt("department_code", StringType),
          opt("department_name", StringType),
          opt("region_code", StringType),
          opt("region_name", StringType),
          opt("population", LongType),
          opt("epci_siren", StringType));

  public static final StructType EPCI =
      schema(
          req("edition", IntegerType),
          req("siren", StringType),
          opt("name", StringType),
          opt("type", StringType),
          opt("population", LongType),
          opt("member_count", IntegerType));

  public static final StructType STRUCTURES =
      schema(
          req("edition", IntegerType),
          req("structure_id", StringType),
          opt("name", StringType),
          req("category", StringType),
          opt("subtype", StringType),
          req("insee_code", StringType),
          opt("epci_siren", StringType),
          req("application_status", StringType),
          req("plan", StringType),
          opt("contact_email", StringType));

  public static final StructType SITES =
      schema(
          req("edition", IntegerType),
          req("site_id", StringType),
          req("structure_id", StringType),
          opt("name", StringType),
          opt("insee_code", StringType),
          req("is_main", BooleanType),
          req("mystery_visit", BooleanType));

  public static final StructType ORDERS =
      schema(
          req("edition", IntegerType),
          req("structure_id", StringType),
          req("restitution", BooleanType),
          req("professional_audit", BooleanType));

  public static final StructType REFERENTIAL_CRITERIA =
      schema(req("edition", IntegerType), req("criterion", StringType), opt("label", StringType));

  public static final StructType REFERENTIAL_ITEMS =
      schema(
          req("edition", IntegerType),
          req("item_id", StringType),
          req("channel", StringType),
          req("criterion", StringType),
          req("step", StringType),
          opt("label", StringType),
          req("type", StringType),
          opt("unit", StringType),
          opt("full_at", DoubleType),
          opt("zero_after", DoubleType),
          req("weight", DoubleType));

  public static final StructType SCENARIOS =
      schema(
          req("edition", IntegerType),
          req("scenario_id", StringType),
          opt("label", StringType),
          req("scope", StringType));

  /** One row per kept audit (the winning version after corrections). */
  public static final StructType AUDITS =
      schema(
          req("edition", IntegerType),
          req("audit_id", StringType),
          req("structure_id", StringType),
          req("site_id", StringType),
          req("channel", StringType),
          req("scenario_id", StringType),
          opt("auditor_id", StringType),
          req("contacted_at", TimestampType),
          opt("answered_at", TimestampType),
          req("recorded_at", TimestampType),
          opt("comment", StringType),
          req("source_file", StringType),
          req("source_line", LongType));

  /** One row per kept answer of a kept audit; value normalised: YES, NO, NA or a number. */
  public static final StructType AUDIT_ANSWERS =
      schema(
          req("edition", IntegerType),
          req("audit_id", StringType),
          req("item_id", StringType),
          req("value", StringType));

  public static final StructType SURVEY_RESPONSES =
      schema(
          req("edition", IntegerType),
          req("response_id", StringType),
          req("submitted_at", TimestampType),
          opt("structure_id", StringType),
          opt("insee_code", StringType),
          req("category", StringType),
          req("last_contact", StringType),
          opt("channel_used", StringType),
          opt("q_access", IntegerType),
          opt("q_reception", IntegerType),
          opt("q_information", IntegerType),
          opt("q_delay", IntegerType),
          opt("q_courtesy", IntegerType),
          opt("q_overall", IntegerType),
          opt("recommend", IntegerType),
          opt("comment", StringType),
          req("eligible", BooleanType),
          req("source_file", StringType),
          req("source_line", LongType));

  public static final StructType EDITION_SETTINGS =
      schema(req("edition", IntegerType), req("settings_json", StringType));

  /** Every rejected row with its reason; the raw record is kept as read (PII masked). */
  public static final StructType QUARANTINE =
      schema(
          req("edition", IntegerType),
          req("source", StringType),
          opt("source_file", StringType),
          opt("source_line", LongType),
          opt("record", StringType),
          req("reason", StringType),
          opt("detail", StringType),
          req("run_id", StringType),
          req("quarantined_at", TimestampType));

  public static final StructType RUN_LOG =
      schema(
          req("edition", IntegerType),
          req("run_id", StringType),
          req("started_at", TimestampType),
          req("logged_at", TimestampType),
          req("step", StringType),
          req("input", StringType),
          req("rows_read", LongType),
          req("rows_kept", LongType),
          req("rows_quarantined", LongType),
          req("rows_collapsed", LongType),
          req("rows_ineligible", LongType),
          req("reconciled", BooleanType));

  /** One row per run x table: the table's Delta version right after the run (or rollback). */
  public static final StructType RUN_TABLES =
      schema(
          req("edition", IntegerType),
          req("run_id", StringType),
          req("table_name", StringType),
          req("version", LongType),
          req("committed_at", TimestampType));

  /**
   * One row per completed run: what its tables were computed from (landing files, settings, grid,
   * reference data, pipeline version, earlier editions' runs), as one SHA-256, so that a run with
   * the same inputs can write nothing.
   */
  public static final StructType RUN_INPUTS =
      schema(
          req("edition", IntegerType),
          req("run_id", StringType),
          req("fingerprint", StringType),
          req("pipeline_version", StringType),
          req("recorded_at", TimestampType));

  /**
   * The landing files the warehouse's staged rows come from, as they were when parsed: a run skips
   * a file whose name, size and checksum are listed here. {@code run_id} and {@code ingested_at}
   * say which run parsed that content.
   */
  public static final StructType INGESTED_FILES =
      schema(
          req("edition", IntegerType),
          req("input", StringType),
          req("source_file", StringType),
          req("size", LongType),
          req("sha256", StringType),
          req("run_id", StringType),
          req("ingested_at", TimestampType));

  private static StructType schema(StructField... fields) {
    return new StructType(fields);
  }

  private static StructField req(String name, DataType type) {
    return new StructField(name, type, false, Metadata.empty());
  }

  private static StructField opt(String name, DataType type) {
    return new StructField(name, type, true, Metadata.empty());
  }
}
