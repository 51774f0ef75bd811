package fr.barometer.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The single-node baseline the benchmark compares Spark with: the same landing files loaded and
 * scored by DuckDB in SQL, down to the structures' barometer scores, with the validity rules that
 * change a score (edition, perimeter, scenario, window, corrections and conflicting duplicates,
 * invalid and duplicate answers, eligibility). It prints the seconds of its two parts and writes
 * structure_id,barometer_score to a CSV for the comparison.
 *
 * <p>Usage: DuckDbBaseline LANDING REFERENCE_DIR OUT_CSV
 */
public final class DuckDbBaseline {
  private DuckDbBaseline() {}

  public static void main(String[] args) throws Exception {
    Path landing = Path.of(args[0]).toAbsolutePath();
    Path reference = Path.of(args[1]).toAbsolutePath();
    Path out = Path.of(args[2]);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      long start = System.nanoTime();
      ingest(sql, landing, reference);
      long ingested = System.nanoTime();
      score(sql);
      long scored = System.nanoTime();
      int rows = write(sql, out);
      System.out.printf(
          "duckdb ingest_s=%.2f score_s=%.2f total_s=%.2f structures=%d%n",
          (ingested - start) / 1e9, (scored - ingested) / 1e9, (scored - start) / 1e9, rows);
    }
  }

  private static void ingest(Statement sql, Path landing, Path reference) throws SQLException {
    String l = landing.toString();
    exec(sql, "SET TimeZone = 'Europe/Paris'");
    exec(sql, "CREATE TABLE edition AS SELECT * FROM read_json_auto('" + l + "/edition.json')");
    exec(
        sql, "CREATE TABLE grid_raw AS SELECT * FROM read_json_auto('" + l + "/referential.json')");
    exec(
        sql,
        "CREATE TABLE items AS SELECT i.id AS item_id, i.channel, i.step, i.type, i.unit,"
            + " CAST(i.full_at AS DOUBLE) AS full_at, CAST(i.zero_after AS DOUBLE) AS zero_after,"
            + " CAST(i.weight AS DOUBLE) AS weight FROM (SELECT unnest(items) AS i FROM grid_raw)");
    exec(
        sql,
        "CREATE TABLE scenarios AS SELECT s.id AS scenario_id, s.scope"
            + " FROM (SELECT unnest(scenarios) AS s FROM grid_raw)");
    exec(
        sql,
        "CREATE TABLE channels AS SELECT c AS channel, CAST(json_extract_string(to_json(e.windows),"
            + " '$.' || c || '[0]') AS DATE) AS first_day,"
            + " CAST(json_extract_string(to_json(e.windows), '$.' || c || '[1]') AS DATE) AS"
            + " last_day, CAST(json_extract_string(to_json(e.channel_weights), '$.' || c) AS"
            + " DOUBLE) AS weight FROM edition e, (VALUES ('EMAIL'), ('PHONE'), ('VOICEMAIL'),"
            + " ('LETTER'), ('WEB'), ('VISIT')) t(c)");
    exec(
        sql,
        "CREATE TABLE communes AS SELECT insee_code, TRY_CAST(population AS BIGINT) AS population"
            + " FROM read_csv('"
            + reference
            + "/communes.csv', header = true, all_varchar = true)");
    exec(
        sql,
        "CREATE TABLE epci AS SELECT siren, TRY_CAST(population AS BIGINT) AS population"
            + " FROM read_csv('"
            + reference
            + "/epci.csv', header = true, all_varchar = true)");
    exec(
        sql,
        "CREATE TABLE structures_raw AS SELECT DISTINCT * FROM read_csv('"
            + l
            + "/structures.csv', header = true, all_varchar = true)");
    exec(
        sql,
        "CREATE TABLE sites_raw AS SELECT DISTINCT * FROM read_csv('"
            + l
            + "/sites.csv', header = true, all_varchar = true)");
    // Line by line: read_json's ignore_errors lets a truncated line swallow the valid line after it
    // (an audit lost), where the pipeline quarantines the one bad line.
    exec(
        sql,
        "CREATE TABLE audits_raw AS SELECT unnest(json_transform(line, '{\"audit_id\": \"VARCHAR\","
            + " \"edition\": \"VARCHAR\", \"structure_id\": \"VARCHAR\", \"site_id\": \"VARCHAR\","
            + " \"channel\": \"VARCHAR\", \"scenario_id\": \"VARCHAR\", \"auditor_id\":"
            + " \"VARCHAR\", \"contacted_at\": \"VARCHAR\", \"answered_at\": \"VARCHAR\","
            + " \"recorded_at\": \"VARCHAR\", \"answers\": [{\"item_id\": \"VARCHAR\", \"value\":"
            + " \"JSON\"}], \"comment\": \"VARCHAR\"}')) FROM read_csv('"
            + l
            + "/audits/*.jsonl', columns = {'line': 'VARCHAR'}, header = false, delim = chr(1),"
            + " quote = '', escape = '', auto_detect = false) WHERE json_valid(line)");
  }

  private static void score(Statement sql) throws SQLException {
    calendar(sql);
    // Registry: identical copies collapse; one id with two contents is refused.
    exec(
        sql,
        "CREATE TABLE structures AS SELECT * FROM structures_raw s WHERE structure_id IS NOT NULL"
            + " AND category IN"
            + " ('ADMINISTRATION','HEALTH_SOCIAL_SECURITY','SOCIAL','SOCIAL_HOUSING','SECURITY',"
            + "'POSTAL','CULTURE_SPORT','EMPLOYMENT','UTILITIES','TRANSPORT','EDUCATION','CONSULAR')"
            + " AND insee_code IN (SELECT insee_code FROM communes) AND structure_id IN (SELECT"
            + " structure_id FROM structures_raw GROUP BY 1 HAVING count(*) = 1)");
    exec(
        sql,
        "CREATE TABLE sites AS SELECT * FROM sites_raw WHERE is_main IN ('true','false') AND"
            + " mystery_visit IN ('true','false') AND structure_id IN (SELECT structure_id FROM"
            + " structures) AND site_id IN (SELECT site_id FROM sites_raw GROUP BY 1 HAVING"
            + " count(*) = 1) AND NOT (is_main = 'true' AND structure_id IN (SELECT structure_id"
            + " FROM sites_raw   WHERE is_main = 'true' GROUP BY 1 HAVING count(*) > 1))");
    exec(
        sql,
        "CREATE TABLE participating AS SELECT s.structure_id FROM structures s LEFT JOIN communes c"
            + " ON c.insee_code = s.insee_code LEFT JOIN epci e ON e.siren = s.epci_siren WHERE"
            + " s.application_status = 'ACCEPTED' AND CASE WHEN s.subtype = 'INTERCOMMUNALITE' THEN"
            + " e.population >= 5000 ELSE c.population >= 3500 END");
    exec(
        sql,
        "CREATE TABLE audits_valid AS SELECT a.*, to_json(a) AS content, TRY_CAST(a.contacted_at AS"
            + " TIMESTAMPTZ) AS c_ts, TRY_CAST(a.answered_at AS TIMESTAMPTZ) AS a_ts,"
            + " TRY_CAST(a.recorded_at AS TIMESTAMPTZ) AS r_ts FROM audits_raw a JOIN structures s"
            + " ON s.structure_id = a.structure_id JOIN sites t ON t.site_id = a.site_id AND"
            + " t.structure_id = a.structure_id JOIN scenarios sc ON sc.scenario_id = a.scenario_id"
            + " AND (sc.scope = 'COMMON' OR sc.scope = s.category) JOIN channels w ON w.channel ="
            + " a.channel JOIN edition e ON TRUE WHERE a.edition = CAST(e.edition AS VARCHAR) AND"
            + " a.audit_id IS NOT NULL AND a.answers IS NOT NULL AND s.application_status ="
            + " 'ACCEPTED' AND (t.is_main = 'true' OR s.plan = 'PERSONALIZED') AND (a.channel <>"
            + " 'VISIT' OR t.mystery_visit = 'true') AND c_ts IS NOT NULL AND r_ts IS NOT NULL AND"
            + " (a.answered_at IS NULL OR a_ts >= c_ts) AND CAST(c_ts AS DATE) BETWEEN w.first_day"
            + " AND w.last_day");
    // Corrections: the latest recorded_at wins, unless two contents share one recorded_at.
    exec(
        sql,
        "CREATE TABLE audits AS SELECT * FROM ( SELECT *, row_number() OVER (PARTITION BY audit_id"
            + " ORDER BY r_ts DESC) AS pick FROM audits_valid WHERE (audit_id, r_ts) NOT IN (SELECT"
            + " audit_id, r_ts FROM audits_valid GROUP BY 1, 2   HAVING count(DISTINCT content) >"
            + " 1)) WHERE pick = 1 AND structure_id IN (SELECT structure_id FROM participating)");
    exec(
        sql,
        "CREATE TABLE answers AS SELECT audit_id, item_id, v FROM ("
            + " SELECT a.audit_id, a.channel, u.answer.item_id AS item_id,"
            + " upper(trim(u.answer.\"value\" ->> '$')) AS v,"
            + " count(*) OVER (PARTITION BY a.audit_id, u.answer.item_id) AS times"
            + " FROM audits a, unnest(a.answers) AS u(answer)) x JOIN items i USING (item_id)"
            + " WHERE times = 1 AND i.channel = x.channel AND (v = 'NA'"
            + " OR (i.type = 'BOOLEAN' AND v IN ('YES','NO'))"
            + " OR (i.type = 'SCALE' AND TRY_CAST(v AS DOUBLE) IN (1, 2, 3, 4))"
            + " OR (i.type = 'DELAY' AND TRY_CAST(v AS DOUBLE) >= 0))");
    exec(
        sql,
        "CREATE TABLE answer_points AS SELECT a.structure_id, a.site_id, a.audit_id, a.channel,"
            + " i.item_id, i.weight, CASE  WHEN i.unit = 'WORKING_DAYS' THEN CASE WHEN a.a_ts IS"
            + " NULL THEN 0.0 ELSE   delay(ca.cum - cc.cum, i.full_at, i.zero_after) END  WHEN"
            + " a.channel IN ('EMAIL','LETTER','VOICEMAIL') AND a.a_ts IS NULL AND i.step ="
            + " 'TRAITEMENT' THEN 0.0  WHEN n.v IS NULL OR n.v = 'NA' THEN NULL  WHEN i.type ="
            + " 'BOOLEAN' THEN CASE WHEN n.v = 'YES' THEN 1.0 ELSE 0.0 END  WHEN i.type = 'SCALE'"
            + " THEN (CAST(n.v AS DOUBLE) - 1) / 3  ELSE delay(CAST(n.v AS DOUBLE), i.full_at,"
            + " i.zero_after) END AS points FROM audits a JOIN items i ON i.channel = a.channel"
            + " LEFT JOIN answers n ON n.audit_id = a.audit_id AND n.item_id = i.item_id LEFT JOIN"
            + " calendar cc ON cc.d = CAST(a.c_ts AS DATE) LEFT JOIN calendar ca ON ca.d ="
            + " CAST(a.a_ts AS DATE)");
    exec(
        sql,
        "CREATE TABLE site_channel_scores AS SELECT structure_id, site_id, channel,"
            + " 100 * sum(weight * points) / sum(weight) FILTER (WHERE points IS NOT NULL) AS score"
            + " FROM answer_points GROUP BY ALL");
    exec(
        sql,
        "CREATE TABLE structure_scores AS SELECT p.structure_id, sum(c.score * w.weight) /"
            + " NULLIF(sum(w.weight) FILTER (WHERE c.score IS NOT NULL), 0) AS barometer_score FROM"
            + " participating p JOIN sites t ON t.structure_id = p.structure_id AND t.is_main ="
            + " 'true' LEFT JOIN site_channel_scores c ON c.site_id = t.site_id AND c.channel <>"
            + " 'VISIT' LEFT JOIN channels w ON w.channel = c.channel GROUP BY ALL");
  }

  /** Working days as differences of a running count over a calendar of the edition's years. */
  private static void calendar(Statement sql) throws SQLException {
    exec(
        sql,
        "CREATE MACRO delay(v, full_at, zero_after) AS"
            + " CASE WHEN v <= full_at THEN 1.0 WHEN v <= zero_after THEN 0.5 ELSE 0.0 END");
    int year;
    try (ResultSet r = sql.executeQuery("SELECT CAST(edition AS INTEGER) FROM edition")) {
      r.next();
      year = r.getInt(1);
    }
    List<String> holidays = new ArrayList<>();
    for (LocalDate d : FrenchHolidays.aroundEdition(year)) {
      holidays.add("('" + d + "')");
    }
    exec(
        sql,
        "CREATE TABLE holidays AS SELECT CAST(d AS DATE) AS d FROM (VALUES "
            + String.join(",", holidays)
            + ") t(d)");
    exec(
        sql,
        "CREATE TABLE calendar AS SELECT d, sum(CASE WHEN dayofweek(d) BETWEEN 1 AND 5"
            + " AND d NOT IN (SELECT d FROM holidays) THEN 1 ELSE 0 END) OVER (ORDER BY d) AS cum"
            + " FROM (SELECT CAST(unnest(generate_series(DATE '"
            + (year - 1)
            + "-01-01', DATE '"
            + (year + 1)
            + "-12-31', INTERVAL 1 DAY)) AS DATE) AS d)");
  }

  private static int write(Statement sql, Path out) throws Exception {
    int rows = 0;
    try (ResultSet r =
            sql.executeQuery(
                "SELECT structure_id, barometer_score FROM structure_scores ORDER BY structure_id");
        PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
      w.println("structure_id,barometer_score");
      while (r.next()) {
        double score = r.getDouble(2);
        w.println(r.getString(1) + "," + (r.wasNull() ? "" : Double.toString(score)));
        rows++;
      }
    }
    return rows;
  }

  private static void exec(Statement sql, String statement) throws SQLException {
    sql.execute(statement);
  }
}
