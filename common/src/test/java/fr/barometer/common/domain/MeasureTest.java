package fr.barometer.common.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MeasureTest {
  @Test
  void readsAndWritesTheTablesText() {
    for (String text : List.of("OVERALL", "CHANNEL:EMAIL", "STEP:ACCES", "CRITERION:C01")) {
      assertEquals(text, Measure.parse(text).text());
    }
    assertEquals(Measure.channel(Channel.PHONE), Measure.parse("CHANNEL:PHONE"));
    assertThrows(IllegalArgumentException.class, () -> Measure.parse("EMAIL"));
    assertThrows(IllegalArgumentException.class, () -> Measure.parse("CHANNEL:FAX"));
  }

  @Test
  void theVisitIsNotARemoteChannel() {
    assertTrue(Measure.channel(Channel.LETTER).isRemoteChannel());
    assertFalse(Measure.channel(Channel.VISIT).isRemoteChannel());
    assertFalse(Measure.OVERALL.isRemoteChannel());
  }

  @Test
  void sortsInReadingOrder() {
    List<String> sorted =
        Stream.of(
                "CRITERION:C02",
                "STEP:TRAITEMENT",
                "CHANNEL:VISIT",
                "CRITERION:C01",
                "STEP:ACCES",
                "CHANNEL:EMAIL",
                "OVERALL",
                "CHANNEL:PHONE")
            .map(Measure::parse)
            .sorted()
            .map(Measure::text)
            .toList();
    assertEquals(
        List.of(
            "OVERALL",
            "CHANNEL:EMAIL",
            "CHANNEL:PHONE",
            "CHANNEL:VISIT",
            "STEP:ACCES",
            "STEP:TRAITEMENT",
            "CRITERION:C01",
            "CRITERION:C02"),
        sorted);
  }
}
