package fr.barometer.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A landing folder of damaged files (src/test/resources/CorruptInputTest/landing): sites.csv and
 * audits/2017-10.jsonl and survey/empty.csv have zero bytes, orders.csv only blank lines,
 * audits/2017-09.jsonl ends with a line cut in half, survey/latin1.csv is Latin-1 and
 * survey/wrong-count.csv has a short row. Each is quarantined with its reason; the run completes.
 */
@Tag("end-to-end")
class CorruptInputTest {
  private static final SparkSession SPARK = SparkTestSession.get();
  @TempDir static Path tmp;
  private static CliRun run;
  private static Warehouse warehouse;

  @BeforeAll
  static void run() {
    warehouse = new Warehouse(SPARK, tmp.resolve("warehouse").toString());
    run =
        CliRun.of(
            "run",
            "--landing",
            CliRun.resource("/CorruptInputTest/landing"),
            "--warehouse",
            warehouse.root());
  }

  /** source, source_file, source_line, record, reason of the quarantine rows of one source. */
  private static List<String> quarantined(String source) {
    return warehouse
        .read(Tables.QUARANTINE)
        .where(col("source").equalTo(source))
        .orderBy("source_file", "source_line")
        .select("source_file", "source_line", "record", "reason")
        .collectAsList()
        .stream()
        .map(
            r ->
                r.getString(0)
                    + ":"
                    + r.getLong(1)
                    + ":"
                    + r.getString(2).length()
                    + ":"
                    + r.getString(3))
        .toList();
  }

  private static Row logged(String input) {
    return warehouse
        .read(Tables.RUN_LOG)
        .where(col("input").equalTo(input))
        .select("rows_read", "rows_kept", "rows_quarantined", "reconciled")
        .first();
  }

  @Test
  void theRunCompletesAndReconciles() {
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("step publish: done"), run.out());
  }

  @Test
  void emptyFilesGiveOneQuarantineRowAtLineZero() {
    assertEquals(List.of("sites.csv:0:0:EMPTY_FILE"), quarantined(Tables.SITES));
    assertEquals(List.of("orders.csv:0:0:EMPTY_FILE"), quarantined(Tables.ORDERS));
    assertTrue(
        quarantined(Tables.AUDITS).contains("audits/2017-10.jsonl:0:0:EMPTY_FILE"),
        quarantined(Tables.AUDITS).toString());
    assertTrue(
        quarantined(Tables.SURVEY_RESPONSES).contains("survey/empty.csv:0:0:EMPTY_FILE"),
        quarantined(Tables.SURVEY_RESPONSES).toString());
  }

  @Test
  void anEmptyFileCountsAsOneRowReadAndQuarantined() {
    Row sites = logged(Tables.SITES);
    assertEquals(
        List.of(1L, 0L, 1L, true), List.of(sites.get(0), sites.get(1), sites.get(2), sites.get(3)));
  }

  @Test
  void cutLinesForeignEncodingsAndShortRowsAreMalformed() {
    List<String> audits = quarantined(Tables.AUDITS);
    // A1 stands on line 1 but its site is unknown (sites.csv is empty); line 2 is cut in half.
    assertEquals(
        "audits/2017-09.jsonl:1", audits.get(0).substring(0, "audits/2017-09.jsonl:1".length()));
    assertTrue(audits.get(0).endsWith(":UNKNOWN_SITE"), audits.toString());
    assertTrue(
        audits.get(1).startsWith("audits/2017-09.jsonl:2:")
            && audits.get(1).endsWith(":MALFORMED_RECORD"),
        audits.toString());
    List<String> survey = quarantined(Tables.SURVEY_RESPONSES);
    assertTrue(
        survey.stream()
            .anyMatch(s -> s.startsWith("survey/latin1.csv:2:") && s.endsWith(":MALFORMED_RECORD")),
        survey.toString());
    assertTrue(
        survey.stream()
            .anyMatch(
                s -> s.startsWith("survey/wrong-count.csv:2:") && s.endsWith(":MALFORMED_RECORD")),
        survey.toString());
    assertEquals(3, survey.size(), survey.toString());
  }
}
