package fr.barometer.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What Spark itself costs on the DuckDB baseline's work: the same SQL ({@link DuckDbBaseline},
 * statement for statement, in Spark's dialect) in one local Spark session on the same files, with
 * the tables DuckDB materialises cached, and none of the pipeline's guarantees (no Delta tables, no
 * quarantine, no staging, no run log). Its time against DuckDB's is the floor of the Spark/DuckDB
 * ratio on this machine; the pipeline's time against it is what the pipeline's own work costs.
 *
 * <p>Usage: SparkSqlBaseline LANDING REFERENCE_DIR OUT_CSV (run with the jobs' classpath and JVM
 * options; {@code spark.master} defaults to local[*], 8 shuffle partitions like the pipeline).
 */
public final class SparkSqlBaseline {
  private static final String AUDIT_SCHEMA =
      "audit_id STRING, edition STRING, structure_id STRING, site_id STRING, channel STRING,"
          + " scenario_id STRING, auditor_id STRING, contacted_at STRING, answered_at STRING,"
          + " recorded_at STRING, answers STRING, comment STRING";

  /**
   * The answers parsed from their JSON text in a second step: read as a struct, a value 3 and a
   * value "3" would both be the string 3, and two copies of an audit differing only there would
   * collapse where DuckDB's JSON values (and the pipeline) see a conflict.
   */
  private static final String ANSWERS_SCHEMA = "ARRAY<STRUCT<item_id: STRING, value: STRING>>";

  private SparkSqlBaseline() {}

  public static void main(String[] args) throws Exception {
    Path landing = Path.of(args[0]).toAbsolutePath();
    Path reference = Path.of(args[1]).toAbsolutePath();
    Path out = Path.of(args[2]);
    long start = System.nanoTime();
    SparkSession spark =
        SparkSession.builder()
            .appName("spark-sql-baseline")
            .master(System.getProperty("spark.master", "local[*]"))
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.sql.session.timeZone", "Europe/Paris")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    long session = System.nanoTime();
    ingest(spark, landing, reference);
    long ingested = System.nanoTime();
    List<Row> scores = score(spark);
    long scored = System.nanoTime();
    write(scores, out);
    System.out.printf(
        "sparksql session_s=%.2f ingest_s=%.2f score_s=%.2f total_s=%.2f structures=%d%n",
        (session - start) / 1e9,
        (ingested - session) / 1e9,
        (scored - ingested) / 1e9,
        (scored - start) / 1e9,
        scores.size());
    spark.stop();
  }

  /** The files read into cached tables, as DuckDB's CREATE TABLE ... AS SELECT loads them. */
  private static void ingest(SparkSession spark, Path landing, Path reference) {
    String l = landing.toString();
    view(spark.read().option("multiLine", true).json(l + "/edition.json"), "edition", true);
    view(spark.read().option("multiLine", true).json(l + "/referential.json"), "grid_raw", false);
    table(
        spark,
        "items",
        "SELECT i.id AS item_id, i.channel, i.step, i.type, i.unit, CAST(i.full_at AS DOUBLE) AS"
            + " full_at, CAST(i.zero_after AS DOUBLE) AS zero_after, CAST(i.weight AS DOUBLE) AS"
            + " weight FROM (SELECT explode(items) AS i FROM grid_raw)");
    table(
        spark,
        "scenarios",
        "SELECT s.id AS scenario_id, s.scope FROM (SELECT explode(scenarios) AS s FROM grid_raw)");
    table(
        spark,
        "channels",
        "SELECT c AS channel, CAST(get_json_object(to_json(e.windows), concat('$.', c, '[0]')) AS"
            + " DATE) AS first_day, CAST(get_json_object(to_json(e.windows), concat('$.', c,"
            + " '[1]')) AS DATE) AS last_day, CAST(get_json_object(to_json(e.channel_weights),"
            + " concat('$.', c)) AS DOUBLE) AS weight FROM edition e CROSS JOIN VALUES ('EMAIL'),"
            + " ('PHONE'), ('VOICEMAIL'), ('LETTER'), ('WEB'), ('VISIT') AS t(c)");
    view(csv(spark, reference + "/communes.csv"), "communes_csv", false);
    table(
        spark,
        "communes",
        "SELECT insee_code, CAST(population AS BIGINT) AS population FROM communes_csv");
    view(csv(spark, reference + "/epci.csv"), "epci_csv", false);
    table(spark, "epci", "SELECT siren, CAST(population AS BIGINT) AS population FROM epci_csv");
    view(csv(spark, l + "/structures.csv").distinct(), "structures_raw", true);
    view(csv(spark, l + "/sites.csv").distinct(), "sites_raw", true);
    // A line that is not JSON reads as a row of nulls, which the audit_id filter of audits_valid
    // drops.
    view(spark.read().schema(AUDIT_SCHEMA).json(l + "/audits/*.jsonl"), "audits_raw", true);
  }

  private static List<Row> score(SparkSession spark) {
    calendar(spark);
    table(
        spark,
        "structures",
        "SELECT * FROM structures_raw WHERE structure_id IS NOT NULL AND category IN"
            + " ('ADMINISTRATION','HEALTH_SOCIAL_SECURITY','SOCIAL','SOCIAL_HOUSING','SECURITY',"
            + "'POSTAL','CULTURE_SPORT','EMPLOYMENT','UTILITIES','TRANSPORT','EDUCATION','CONSULAR')"
            + " AND insee_code IN (SELECT insee_code FROM communes) AND structure_id IN (SELECT"
            + " structure_id FROM structures_raw GROUP BY 1 HAVING count(*) = 1)");
    table(
        spark,
        "sites",
        "SELECT r.* FROM sites_raw r LEFT ANTI JOIN (SELECT structure_id FROM sites_raw WHERE"
            + " is_main = 'true' GROUP BY 1   HAVING count(*) > 1) m ON r.is_main = 'true' AND"
            + " m.structure_id = r.structure_id WHERE r.is_main IN ('true','false') AND"
            + " r.mystery_visit IN ('true','false') AND r.structure_id IN (SELECT structure_id FROM"
            + " structures) AND r.site_id IN (SELECT site_id FROM sites_raw GROUP BY 1 HAVING"
            + " count(*) = 1)");
    table(
        spark,
        "participating",
        "SELECT s.structure_id FROM structures s LEFT JOIN communes c ON c.insee_code ="
            + " s.insee_code LEFT JOIN epci e ON e.siren = s.epci_siren WHERE s.application_status"
            + " = 'ACCEPTED' AND CASE WHEN s.subtype = 'INTERCOMMUNALITE' THEN e.population >= 5000"
            + " ELSE c.population >= 3500 END");
    table(
        spark,
        "audits_valid",
        "SELECT * FROM (SELECT a.*, to_json(struct(a.*)) AS content, CAST(a.contacted_at AS"
            + " TIMESTAMP) AS c_ts, CAST(a.answered_at AS TIMESTAMP) AS a_ts, CAST(a.recorded_at AS"
            + " TIMESTAMP) AS r_ts, s.application_status, s.category, s.plan, t.is_main,"
            + " t.mystery_visit, w.first_day, w.last_day, sc.scope, CAST(e.edition AS STRING) AS ed"
            + " FROM audits_raw a JOIN structures s ON s.structure_id = a.structure_id JOIN sites t"
            + " ON t.site_id = a.site_id AND t.structure_id = a.structure_id JOIN scenarios sc ON"
            + " sc.scenario_id = a.scenario_id JOIN channels w ON w.channel = a.channel CROSS JOIN"
            + " edition e) WHERE (scope = 'COMMON' OR scope = category) AND edition = ed AND"
            + " audit_id IS NOT NULL AND answers IS NOT NULL AND application_status = 'ACCEPTED'"
            + " AND (is_main = 'true' OR plan = 'PERSONALIZED') AND (channel <> 'VISIT' OR"
            + " mystery_visit = 'true') AND c_ts IS NOT NULL AND r_ts IS NOT NULL AND (answered_at"
            + " IS NULL OR a_ts >= c_ts) AND CAST(c_ts AS DATE) BETWEEN first_day AND last_day");
    // Corrections: the latest recorded_at wins, unless two contents share one recorded_at.
    table(
        spark,
        "audits",
        "SELECT * FROM ( SELECT v.*, row_number() OVER (PARTITION BY v.audit_id ORDER BY v.r_ts"
            + " DESC) AS pick FROM audits_valid v LEFT ANTI JOIN (SELECT audit_id, r_ts FROM"
            + " audits_valid GROUP BY 1, 2   HAVING count(DISTINCT content) > 1) c ON c.audit_id ="
            + " v.audit_id AND c.r_ts = v.r_ts) WHERE pick = 1 AND structure_id IN (SELECT"
            + " structure_id FROM participating)");
    view(
        spark.sql(
            "SELECT x.audit_id, x.item_id, x.v FROM ("
                + " SELECT a.audit_id, a.channel, u.item_id, upper(trim(u.value)) AS v,"
                + " count(*) OVER (PARTITION BY a.audit_id, u.item_id) AS times"
                + " FROM audits a LATERAL VIEW explode(from_json(a.answers, '"
                + ANSWERS_SCHEMA
                + "')) t AS u) x JOIN items i ON i.item_id = x.item_id"
                + " WHERE times = 1 AND i.channel = x.channel AND (v = 'NA'"
                + " OR (i.type = 'BOOLEAN' AND v IN ('YES','NO'))"
                + " OR (i.type = 'SCALE' AND CAST(v AS DOUBLE) IN (1, 2, 3, 4))"
                + " OR (i.type = 'DELAY' AND CAST(v AS DOUBLE) >= 0))"),
        "answers",
        false);
    view(
        spark.sql(
            "SELECT a.structure_id, a.site_id, a.audit_id, a.channel, i.item_id, i.weight, CASE"
                + "  WHEN i.unit = 'WORKING_DAYS' THEN CASE WHEN a.a_ts IS NULL THEN 0.0 ELSE "
                + delay("ca.cum - cc.cum")
                + " END  WHEN a.channel IN ('EMAIL','LETTER','VOICEMAIL') AND a.a_ts IS NULL AND"
                + " i.step = 'TRAITEMENT' THEN 0.0  WHEN n.v IS NULL OR n.v = 'NA' THEN NULL  WHEN"
                + " i.type = 'BOOLEAN' THEN CASE WHEN n.v = 'YES' THEN 1.0 ELSE 0.0 END  WHEN"
                + " i.type = 'SCALE' THEN (CAST(n.v AS DOUBLE) - 1) / 3  ELSE "
                + delay("CAST(n.v AS DOUBLE)")
                + " END AS points"
                + " FROM audits a JOIN items i ON i.channel = a.channel"
                + " LEFT JOIN answers n ON n.audit_id = a.audit_id AND n.item_id = i.item_id"
                + " LEFT JOIN calendar cc ON cc.d = CAST(a.c_ts AS DATE)"
                + " LEFT JOIN calendar ca ON ca.d = CAST(a.a_ts AS DATE)"),
        "answer_points",
        false);
    view(
        spark.sql(
            "SELECT structure_id, site_id, channel, 100 * sum(weight * points) / sum(weight) FILTER"
                + " (WHERE points IS NOT NULL) AS score FROM answer_points GROUP BY structure_id,"
                + " site_id, channel"),
        "site_channel_scores",
        false);
    return spark
        .sql(
            "SELECT p.structure_id, sum(c.score * w.weight) / NULLIF(sum(w.weight) FILTER (WHERE"
                + " c.score IS NOT NULL), 0) AS barometer_score FROM participating p JOIN sites t"
                + " ON t.structure_id = p.structure_id AND t.is_main = 'true' LEFT JOIN"
                + " site_channel_scores c ON c.site_id = t.site_id AND c.channel <> 'VISIT' LEFT"
                + " JOIN channels w ON w.channel = c.channel GROUP BY p.structure_id ORDER BY"
                + " p.structure_id")
        .collectAsList();
  }

  /** DuckDB's delay macro: full points up to full_at, half up to zero_after, none after. */
  private static String delay(String v) {
    return "CASE WHEN "
        + v
        + " <= i.full_at THEN 1.0 WHEN "
        + v
        + " <= i.zero_after THEN 0.5 ELSE 0.0 END";
  }

  /** Working days as differences of a running count over a calendar of the edition's years. */
  private static void calendar(SparkSession spark) {
    int year =
        Integer.parseInt(
            spark.sql("SELECT CAST(edition AS STRING) FROM edition").first().getString(0));
    List<String> holidays = new ArrayList<>();
    for (LocalDate d : FrenchHolidays.aroundEdition(year)) {
      holidays.add("DATE '" + d + "'");
    }
    // dayofweek: 1 is Sunday and 7 Saturday in Spark (DuckDB: 0 Sunday, so its 1-5 is
    // Monday-Friday).
    table(
        spark,
        "calendar",
        "SELECT d, sum(CASE WHEN dayofweek(d) BETWEEN 2 AND 6"
            + " AND NOT array_contains(array("
            + String.join(",", holidays)
            + "), d) THEN 1 ELSE 0 END)"
            + " OVER (ORDER BY d) AS cum FROM (SELECT explode(sequence(DATE '"
            + (year - 1)
            + "-01-01', DATE '"
            + (year + 1)
            + "-12-31', INTERVAL 1 DAY)) AS d)");
  }

  private static Dataset<Row> csv(SparkSession spark, String path) {
    return spark.read().option("header", true).csv(path);
  }

  /** A table as DuckDB materialises it: cached, and filled now. */
  private static void table(SparkSession spark, String name, String select) {
    view(spark.sql(select), name, true);
  }

  private static void view(Dataset<Row> rows, String name, boolean materialise) {
    if (materialise) {
      rows = rows.cache();
      rows.count();
    }
    rows.createOrReplaceTempView(name);
  }

  private static void write(List<Row> scores, Path out) throws Exception {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
      w.println("structure_id,barometer_score");
      for (Row r : scores) {
        w.println(r.getString(0) + "," + (r.isNullAt(1) ? "" : Double.toString(r.getDouble(1))));
      }
    }
  }
}
