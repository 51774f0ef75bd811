package fr.barometer.common.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

  /** The exports' form, read without the formatter, gives the instant the formatter gives. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2017-09-08T16:09:00+02:00",
        "2017-12-31T23:59:59+01:00",
        "2018-01-01T00:00:00-05:30",
        "2016-02-29T12:00:00+00:00",
        "2017-03-26T02:30:00+01:00",
        "0001-01-01T00:00:00+18:00"
      })
  void theCommonFormIsTheInstantTheFormatterReads(String text) {
    assertEquals(OffsetDateTime.parse(text), Values.commonForm(text));
    assertEquals(
        Timestamp.from(OffsetDateTime.parse(text).toInstant()),
        Values.timestamp("at", text, false));
  }

  /**
   * Any other text, or a value out of range, is left to the formatter, which reads or refuses it.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2017-02-29T12:00:00+01:00",
        "2017-09-08T24:00:00+02:00",
        "2017-09-08T16:60:00+02:00",
        "2017-09-08T16:09:60+02:00",
        "2017-13-08T16:09:00+02:00",
        "2017-09-08T16:09:00+19:00",
        "2017-09-08T16:09:00+02:60",
        "2017-09-08 16:09:00+02:00",
        "2017-09-08T16:09:00Z",
        "2017-09-08T16:09:00.5+02",
        "2017-09-08T16:09+02:00:00",
        "2017-09-08T1a:09:00+02:00",
        "+017-09-08T16:09:00+02:00",
        "2017-09-08T16:09:00*02:00"
      })
  void anyOtherTextIsLeftToTheFormatter(String text) {
    assertNull(Values.commonForm(text));
  }

  @Test
  void theFormatterStillReadsOtherFormsAndRefusesBadDates() {
    assertEquals(
        Timestamp.from(OffsetDateTime.parse("2017-09-08T14:09:00Z").toInstant()),
        Values.timestamp("at", "2017-09-08T14:09:00Z", false));
    assertEquals(
        Timestamp.from(OffsetDateTime.parse("2017-09-08T16:09:00+02:00").toInstant()),
        Values.timestamp("at", "2017-09-08T16:09", false));
    assertEquals(
        Timestamp.from(OffsetDateTime.parse("2017-09-08T16:09:00+02:00").toInstant()),
        Values.timestamp("at", "08/09/2017 16:09", true));
    Rejection.Raised refused =
        assertThrows(
            Rejection.Raised.class,
            () -> Values.timestamp("at", "2017-02-29T12:00:00+01:00", false));
    assertEquals(
        "at '2017-02-29T12:00:00+01:00' is not a readable date and time",
        refused.rejection().detail());
  }
}
