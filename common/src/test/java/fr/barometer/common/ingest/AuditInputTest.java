package fr.barometer.common.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.Referential;
import fr.barometer.common.domain.ApplicationStatus;
import fr.barometer.common.domain.Plan;
import fr.barometer.common.io.StreamedText;
import fr.barometer.common.io.TextFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class AuditInputTest {
  private static final AuditContext CONTEXT =
      new AuditContext(
          EditionConfig.defaults(),
          Referential.defaults(),
          Map.of(
              "S1",
                  new AuditContext.StructureRef(
                      "ADMINISTRATION", ApplicationStatus.ACCEPTED, Plan.STANDARD),
              "S2",
                  new AuditContext.StructureRef(
                      "POSTAL", ApplicationStatus.REJECTED, Plan.STANDARD),
              "S3",
                  new AuditContext.StructureRef(
                      "SOCIAL", ApplicationStatus.ACCEPTED, Plan.PERSONALIZED)),
          Map.of(
              "S1-M", new AuditContext.SiteRef("S1", true, false),
              "S1-A1", new AuditContext.SiteRef("S1", false, true),
              "S2-M", new AuditContext.SiteRef("S2", true, false),
              "S3-M", new AuditContext.SiteRef("S3", true, true),
              "S3-A1", new AuditContext.SiteRef("S3", false, false)));

  private static final TextFile FILE = new TextFile("audits/a.jsonl", "", true);

  /** A valid EMAIL audit of S1's main site; {@code patch} replaces fields as raw JSON text. */
  private static String audit(String... patch) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("audit_id", "\"A1\"");
    fields.put("edition", "2017");
    fields.put("structure_id", "\"S1\"");
    fields.put("site_id", "\"S1-M\"");
    fields.put("channel", "\"EMAIL\"");
    fields.put("scenario_id", "\"SC01\"");
    fields.put("auditor_id", "\"AUD1\"");
    fields.put("contacted_at", "\"2017-09-05T10:12:00+02:00\"");
    fields.put("answered_at", "\"2017-09-07T16:40:00+02:00\"");
    fields.put("recorded_at", "\"2017-09-08T09:00:00+02:00\"");
    fields.put("answers", "[{\"item_id\": \"EM01\", \"value\": \"YES\"}]");
    fields.put("comment", "\"ok\"");
    for (int i = 0; i < patch.length; i += 2) {
      fields.put(patch[i], patch[i + 1]);
    }
    StringBuilder json = new StringBuilder("{");
    fields.forEach(
        (k, v) ->
            json.append(json.length() > 1 ? ", " : "")
                .append('"')
                .append(k)
                .append("\": ")
                .append(v));
    return json.append('}').toString();
  }

  private static Row stage(String line) {
    return AuditInput.stageLine(FILE, 7, line, CONTEXT);
  }

  private static String reason(String line) {
    Row row = stage(line);
    return row.getAs(Staging.REASON);
  }

  @Test
  void validAuditIsStagedWithItsProvenance() {
    Row row = stage(audit());
    assertNull(row.getAs(Staging.REASON));
    assertEquals("A1", row.getAs("audit_id"));
    assertEquals("audits/a.jsonl", row.getAs("source_file"));
    assertEquals(7L, (long) row.getAs("source_line"));
    assertEquals(Timestamp.from(Instant.parse("2017-09-05T08:12:00Z")), row.getAs("contacted_at"));
    assertEquals(2017, (int) row.getAs("edition"));
  }

  @Test
  void malformedRecords() {
    assertEquals("MALFORMED_RECORD", reason("{\"audit_id\": \"A1\", \"edition\": 20"));
    assertEquals("MALFORMED_RECORD", reason(audit("edition", "2016")));
    assertEquals("MALFORMED_RECORD", reason(audit("answered_at", "\"2017-09-05T10:11:00+02:00\"")));
    assertEquals("MALFORMED_RECORD", reason(audit("audit_id", "null")));
    assertEquals("INVALID_DATE", reason(audit("contacted_at", "\"05/09/2017\"")));
    assertEquals("UNKNOWN_CODE", reason(audit("channel", "\"FAX\"")));
  }

  @Test
  void unknownReferences() {
    assertEquals("UNKNOWN_STRUCTURE", reason(audit("structure_id", "\"S9\"")));
    assertEquals("UNKNOWN_SITE", reason(audit("site_id", "\"S9-M\"")));
    assertEquals("UNKNOWN_SITE", reason(audit("site_id", "\"S3-M\"")));
    assertEquals("UNKNOWN_SCENARIO", reason(audit("scenario_id", "\"SC99\"")));
    // SC06 is written for SOCIAL; S1 is an ADMINISTRATION structure.
    assertEquals("UNKNOWN_SCENARIO", reason(audit("scenario_id", "\"SC06\"")));
    assertNull(reason(audit("scenario_id", "\"SC04\"")));
  }

  @Test
  void perimeter() {
    assertEquals(
        "OUT_OF_PERIMETER", reason(audit("structure_id", "\"S2\"", "site_id", "\"S2-M\"")));
    assertEquals("OUT_OF_PERIMETER", reason(audit("site_id", "\"S1-A1\"")));
    assertNull(
        reason(audit("structure_id", "\"S3\"", "site_id", "\"S3-A1\"", "scenario_id", "\"SC06\"")));
    assertEquals("OUT_OF_PERIMETER", reason(audit("channel", "\"VISIT\"", "answers", "[]")));
    assertNull(
        reason(
            audit(
                "structure_id",
                "\"S3\"",
                "site_id",
                "\"S3-M\"",
                "channel",
                "\"VISIT\"",
                "answers",
                "[]")));
  }

  @Test
  void windowIsInclusiveInParisDates() {
    // EMAIL window: 2017-09-04 .. 2017-10-27.
    assertNull(
        reason(audit("contacted_at", "\"2017-09-04T00:10:00+02:00\"", "answered_at", "null")));
    assertEquals(
        "OUTSIDE_WINDOW",
        reason(audit("contacted_at", "\"2017-09-03T21:59:00Z\"", "answered_at", "null")));
    assertNull(
        reason(
            audit(
                "contacted_at",
                "\"2017-10-27T21:59:00Z\"",
                "answered_at",
                "null",
                "recorded_at",
                "\"2017-10-30T09:00:00+01:00\"")));
    // 22:30 UTC on 27 Oct is already 28 Oct in Paris.
    assertEquals(
        "OUTSIDE_WINDOW",
        reason(audit("contacted_at", "\"2017-10-27T22:30:00Z\"", "answered_at", "null")));
  }

  @Test
  void answersAreNormalisedOrRefusedAlone() {
    Row row =
        stage(
            audit(
                "answers",
                "[{\"item_id\": \"EM01\", \"value\": \" yes \"},"
                    + "{\"item_id\": \"EM04\", \"value\": 3},"
                    + "{\"item_id\": \"EM05\", \"value\": \"3.0\"},"
                    + "{\"item_id\": \"EM06\", \"value\": \"na\"},"
                    + "{\"item_id\": \"EM02\", \"value\": \"MAYBE\"},"
                    + "{\"item_id\": \"EM99\", \"value\": \"YES\"},"
                    + "{\"item_id\": \"PH02\", \"value\": \"YES\"},"
                    + "{\"item_id\": \"EM07\", \"value\": \"YES\"},"
                    + "{\"item_id\": \"EM07\", \"value\": \"NO\"}]"));
    assertNull(row.getAs(Staging.REASON));
    List<Row> answers = row.getList(row.fieldIndex(AuditInput.ANSWERS));
    assertAnswer(answers.get(0), "EM01", "YES", null);
    assertAnswer(answers.get(1), "EM04", "3", null);
    assertAnswer(answers.get(2), "EM05", "3", null);
    assertAnswer(answers.get(3), "EM06", "NA", null);
    assertAnswer(answers.get(4), "EM02", null, "INVALID_VALUE");
    assertAnswer(answers.get(5), "EM99", null, "UNKNOWN_ITEM");
    assertAnswer(answers.get(6), "PH02", null, "ITEM_OF_OTHER_CHANNEL");
    assertAnswer(answers.get(7), "EM07", null, "DUPLICATE_ANSWER");
    assertAnswer(answers.get(8), "EM07", null, "DUPLICATE_ANSWER");
  }

  @Test
  void valuesByItemType() {
    var grid = Referential.defaults();
    var scale = grid.item("EM04").orElseThrow();
    var rings = grid.item("PH01").orElseThrow();
    assertEquals(
        "4",
        AuditInput.normalise(scale, com.fasterxml.jackson.databind.node.TextNode.valueOf("4")));
    assertEquals(
        "2.5",
        AuditInput.normalise(rings, com.fasterxml.jackson.databind.node.DoubleNode.valueOf(2.50)));
    assertEquals(
        "0",
        AuditInput.normalise(rings, com.fasterxml.jackson.databind.node.TextNode.valueOf("0")));
    for (String bad : List.of("0", "5", "2.5", "three")) {
      assertRefused(
          () ->
              AuditInput.normalise(
                  scale, com.fasterxml.jackson.databind.node.TextNode.valueOf(bad)));
    }
    assertRefused(
        () ->
            AuditInput.normalise(
                rings, com.fasterxml.jackson.databind.node.TextNode.valueOf("-3")));
  }

  @Test
  void fileNotInUtf8IsRefusedLineByLine() {
    TextFile latin1 =
        TextFile.decode(
            "audits/x.jsonl", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}'});
    assertEquals(false, latin1.validUtf8());
    List<Row> rows = rows(AuditInput.stage(latin1, CONTEXT));
    assertEquals(1, rows.size());
    assertEquals("MALFORMED_RECORD", rows.get(0).getAs(Staging.REASON));
    assertEquals("{\"a\":\"é\"}", rows.get(0).getAs(Staging.RECORD));
  }

  @Test
  void aStreamedFileGivesTheRowsOfTheWholeText() {
    byte[] bytes =
        ("\uFEFF"
                + audit()
                + "\r\n\n"
                + audit("audit_id", "\"A2\"")
                + "\n{broken\n"
                + audit("audit_id", "\"A3\", \"comment\": \"déjà vu\""))
            .getBytes(StandardCharsets.UTF_8);
    StreamedText streamed =
        StreamedText.of("audits/s.jsonl", () -> new ByteArrayInputStream(bytes));
    assertTrue(streamed.validUtf8());
    assertFalse(streamed.isEmpty());
    List<Row> whole = rows(AuditInput.stage(TextFile.decode("audits/s.jsonl", bytes), CONTEXT));
    assertEquals(
        List.of(1L, 3L, 4L, 5L), whole.stream().map(r -> (Long) r.getAs("source_line")).toList());
    assertEquals(whole, rows(AuditInput.stage(streamed, CONTEXT)));
  }

  @Test
  void aStreamedFileNotInUtf8IsReadAsLatin1AndABlankOneIsEmpty() {
    byte[] latin1 = {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}'};
    StreamedText streamed =
        StreamedText.of("audits/x.jsonl", () -> new ByteArrayInputStream(latin1));
    assertFalse(streamed.validUtf8());
    assertEquals(
        rows(AuditInput.stage(TextFile.decode("audits/x.jsonl", latin1), CONTEXT)),
        rows(AuditInput.stage(streamed, CONTEXT)));
    for (String blank : List.of("", " \n\r\n", "\uFEFF\n")) {
      byte[] bytes = blank.getBytes(StandardCharsets.UTF_8);
      assertTrue(
          StreamedText.of("audits/b.jsonl", () -> new ByteArrayInputStream(bytes)).isEmpty(),
          blank);
    }
    byte[] text = "\uFEFFx".getBytes(StandardCharsets.UTF_8);
    assertFalse(StreamedText.of("audits/c.jsonl", () -> new ByteArrayInputStream(text)).isEmpty());
  }

  @Test
  void blankLinesAreNotRows() {
    TextFile file =
        new TextFile(
            "audits/b.jsonl", audit() + "\r\n\n" + audit("audit_id", "\"A2\"") + "\n", true);
    List<Row> rows = rows(AuditInput.stage(file, CONTEXT));
    assertEquals(2, rows.size());
    assertEquals(3L, (long) rows.get(1).getAs("source_line"));
  }

  @Test
  void identicalContentWhateverTheKeyOrderOrSpacing() {
    String reordered =
        "{\"comment\":  \"ok\", " + audit().substring(1).replace(", \"comment\": \"ok\"", "");
    assertEquals(
        (String) stage(audit()).getAs(Staging.CONTENT), stage(reordered).getAs(Staging.CONTENT));
    assertEquals(
        false,
        stage(audit())
            .getAs(Staging.CONTENT)
            .equals(stage(audit("comment", "\"ko\"")).getAs(Staging.CONTENT)));
  }

  @Test
  void canonicalFormSortsNestedKeysAndKeepsValuesAsWritten() throws Exception {
    // Staged digests outlive a release (unchanged files are not parsed again), so the text must
    // stay that of the maps sorted by ORDER_MAP_ENTRIES_BY_KEYS, which earlier versions wrote.
    String line =
        "{\"z\": null, \"b\": [{\"value\": 2.50, \"item_id\": \"E\u00e9\\\"1\"}, 3, true],"
            + " \"a\": {\"y\": 12345678901234567890, \"x\": -7}, \"A\": 1e2}";
    assertEquals(
        "{\"A\":100.0,\"a\":{\"x\":-7,\"y\":12345678901234567890},"
            + "\"b\":[{\"item_id\":\"E\u00e9\\\"1\",\"value\":2.5},3,true],\"z\":null}",
        AuditInput.canonical(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line)));
  }

  private static void assertAnswer(Row answer, String item, String value, String reason) {
    assertEquals(item, answer.getAs("item_id"));
    assertEquals(value, answer.getAs("value"));
    assertEquals(reason, answer.getAs("reason"));
  }

  private static void assertRefused(Runnable r) {
    org.junit.jupiter.api.Assertions.assertThrows(Rejection.Raised.class, r::run);
  }

  /** All the rows a stage call makes. */
  static List<Row> rows(Iterator<Row> staged) {
    List<Row> all = new ArrayList<>();
    staged.forEachRemaining(all::add);
    return all;
  }
}
