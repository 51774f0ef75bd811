package fr.barometer.common.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.domain.BarometerException;
import fr.barometer.common.io.StreamedText;
import fr.barometer.common.io.TextFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SurveyInputTest {
  private static final String HEADER =
      "response_id;submitted_at;structure_id;insee_code;category;last_contact;channel_used;q_access;q_reception;q_information;q_delay;q_courtesy;q_overall;recommend;comment\n";

  private static List<Row> stage(String body) {
    byte[] bytes = ("\uFEFF" + HEADER + body).getBytes(StandardCharsets.UTF_8);
    return AuditInputTest.rows(SurveyInput.stage(TextFile.decode("survey/s.csv", bytes), 2017));
  }

  @Test
  void quotedFieldsWithSeparatorsQuotesAndLineBreaks() {
    List<Row> rows =
        stage(
            "R1;2017-09-12T14:03:00+02:00;S1;75056;ADMINISTRATION;<1M;PHONE;4;3;;2;4;3;9;\"Très"
                + " bien; \"\"rapide\"\"\n"
                + "merci\"\n"
                + "R2;12/09/2017 14:03;;75056;POSTAL;1-3M;;1;1;1;1;1;1;0;\n");
    assertEquals(2, rows.size());
    Row r1 = rows.get(0);
    assertNull(r1.getAs(Staging.REASON));
    assertEquals("Très bien; \"rapide\"\nmerci", r1.getAs("comment"));
    assertEquals(2L, (long) r1.getAs("source_line"));
    assertNull(r1.getAs("q_information"));
    assertEquals(2, (int) r1.getAs("q_delay"));
    assertEquals(9, (int) r1.getAs("recommend"));
    Row r2 = rows.get(1);
    assertEquals(
        4L, (long) r2.getAs("source_line"), "the record after a two-line field starts on line 4");
    assertEquals(Timestamp.from(Instant.parse("2017-09-12T12:03:00Z")), r2.getAs("submitted_at"));
    assertNull(r2.getAs("structure_id"));
    assertNull(r2.getAs("channel_used"));
    assertTrue((boolean) r2.getAs("eligible"));
  }

  @Test
  void olderThanThreeMonthsIsKeptButIneligible() {
    Row row =
        stage("R1;2017-09-12T14:03:00+02:00;S1;75056;ADMINISTRATION;>3M;EMAIL;4;4;4;4;4;4;10;\n")
            .get(0);
    assertNull(row.getAs(Staging.REASON));
    assertFalse((boolean) row.getAs("eligible"));
  }

  @Test
  void badRowsAreRefusedWhole() {
    List<Row> rows =
        stage(
            "R1;32/13/2017 25:00;S1;75056;ADMINISTRATION;<1M;PHONE;4;3;3;2;4;3;9;\n"
                + "R2;2017-09-12T14:03:00+02:00;S1;75056;ADMINISTRATION;6M;PHONE;4;3;3;2;4;3;9;\n"
                + "R3;2017-09-12T14:03:00+02:00;S1;75056;MAIRIE;<1M;PHONE;4;3;3;2;4;3;9;\n"
                + "R4;2017-09-12T14:03:00+02:00;S1;75056;ADMINISTRATION;<1M;FAX;4;3;3;2;4;3;9;\n"
                + "R5;2017-09-12T14:03:00+02:00;S1;75056;ADMINISTRATION;<1M;PHONE;4;3;3;2;4;5;9;\n"
                + "R6;2017-09-12T14:03:00+02:00;S1;75056;ADMINISTRATION;<1M;PHONE;4;3;3;2;4;3;11;\n"
                + "R7;2017-09-12T14:03:00+02:00;S1;75056;ADMINISTRATION;<1M;PHONE;4;3\n");
    List<String> reasons = rows.stream().map(r -> (String) r.getAs(Staging.REASON)).toList();
    assertEquals(
        List.of(
            "INVALID_DATE",
            "UNKNOWN_CODE",
            "UNKNOWN_CODE",
            "UNKNOWN_CODE",
            "INVALID_VALUE",
            "INVALID_VALUE",
            "MALFORMED_RECORD"),
        reasons);
    assertEquals("expected 15 fields, found 9", rows.get(6).getAs(Staging.DETAIL));
  }

  @Test
  void personalDataIsMaskedInTheRowAndInTheRawRecord() {
    List<Row> rows =
        stage(
            "R1;2017-09-12T14:03:00+02:00;S1;75056;ADMINISTRATION;<1M;PHONE;4;3;3;2;4;3;9;\"Rappelez-moi"
                + " au 06 12 34 56 78 ou prenom.nom@example.fr\"\n"
                + "R2;bad date;S1;75056;ADMINISTRATION;<1M;PHONE;4;3;3;2;4;3;9;\"+33 6 12 34 56"
                + " 78\"\n");
    assertEquals("Rappelez-moi au [telephone] ou [email]", rows.get(0).getAs("comment"));
    String raw = rows.get(1).getAs(Staging.RECORD);
    assertTrue(raw.contains("[telephone]") && !raw.contains("12 34"), raw);
  }

  @Test
  void unbalancedQuoteQuarantinesTheRestOfTheFile() {
    List<Row> rows =
        stage(
            "R1;2017-09-12T14:03:00+02:00;S1;75056;ADMINISTRATION;<1M;PHONE;4;3;3;2;4;3;9;ok\n"
                + "R2;2017-09-12T14:03:00+02:00;S1;75056;ADMINISTRATION;<1M;PHONE;4;3;3;2;4;3;9;\"never"
                + " closed\n"
                + "R3;x\n");
    assertEquals(2, rows.size());
    assertNull(rows.get(0).getAs(Staging.REASON));
    assertEquals("MALFORMED_RECORD", rows.get(1).getAs(Staging.REASON));
    assertEquals(3L, (long) rows.get(1).getAs("source_line"));
    assertTrue(((String) rows.get(1).getAs(Staging.RECORD)).contains("R3;x"));
  }

  @Test
  void aStreamedFileGivesTheRowsOfTheWholeTextUnparseableTailIncluded() {
    byte[] bytes =
        ("\uFEFF"
                + HEADER
                + "R1;2017-09-12T14:03:00+02:00;S1;75056;ADMINISTRATION;<1M;PHONE;4;3;3;2;4;3;9;\"a;"
                + " \"\"b\"\"\n"
                + "c\"\n\n"
                + "R2;2017-09-12T14:03:00+02:00;S1;75056;ADMINISTRATION;<1M;PHONE;4;3;3;2;4;3;9;\"never"
                + " closed\n"
                + "R3;x\n")
            .getBytes(StandardCharsets.UTF_8);
    List<Row> whole =
        AuditInputTest.rows(SurveyInput.stage(TextFile.decode("survey/s.csv", bytes), 2017));
    List<Row> streamed =
        AuditInputTest.rows(
            SurveyInput.stage(
                StreamedText.of("survey/s.csv", () -> new ByteArrayInputStream(bytes)), 2017));
    assertEquals(2, whole.size());
    assertEquals(5L, (long) whole.get(1).getAs("source_line"));
    assertEquals(whole, streamed);
  }

  @Test
  void aFileThatIsNotASurveyStopsTheRun() {
    TextFile notSurvey =
        TextFile.decode(
            "survey/s.csv", "site_id,structure_id\nX,Y\n".getBytes(StandardCharsets.UTF_8));
    BarometerException e =
        assertThrows(BarometerException.class, () -> SurveyInput.stage(notSurvey, 2017));
    assertTrue(
        e.getMessage()
            .startsWith("Cannot read survey/s.csv: its header lacks the columns [response_id"),
        e.getMessage());
  }
}
