package fr.barometer.common.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.config.GridItem;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.DelayUnit;
import fr.barometer.common.domain.ItemType;
import fr.barometer.common.domain.Step;
import org.junit.jupiter.api.Test;

class AnswerPointsTest {
  private static final double EPS = 1e-12;

  static GridItem item(ItemType type, DelayUnit unit, Double fullAt, Double zeroAfter) {
    return new GridItem(
        "X01", Channel.PHONE, "C01", Step.ACCES, "x", type, unit, fullAt, zeroAfter, 1);
  }

  private static final GridItem YES_NO = item(ItemType.BOOLEAN, null, null, null);
  private static final GridItem SCALE = item(ItemType.SCALE, null, null, null);

  /** Phone rings: full up to 5, half up to 8. */
  private static final GridItem RINGS = item(ItemType.DELAY, DelayUnit.RINGS, 5.0, 8.0);

  @Test
  void booleanYesIsOneNoIsZero() {
    assertEquals(1.0, AnswerPoints.of(YES_NO, "YES"));
    assertEquals(0.0, AnswerPoints.of(YES_NO, "NO"));
    assertEquals(1.0, AnswerPoints.of(YES_NO, " yes "));
  }

  @Test
  void scaleIsLinearFromOneToFour() {
    // (v - 1) / 3
    assertEquals(0.0, AnswerPoints.of(SCALE, "1"), EPS);
    assertEquals(1.0 / 3, AnswerPoints.of(SCALE, "2"), EPS);
    assertEquals(2.0 / 3, AnswerPoints.of(SCALE, "3"), EPS);
    assertEquals(1.0, AnswerPoints.of(SCALE, "4"), EPS);
    assertEquals(2.0 / 3, AnswerPoints.of(SCALE, "3.0"), EPS);
  }

  @Test
  void delayBoundaries() {
    assertEquals(1.0, AnswerPoints.of(RINGS, "0"));
    assertEquals(1.0, AnswerPoints.of(RINGS, "5")); // exactly full_at
    assertEquals(0.5, AnswerPoints.of(RINGS, "5.5")); // just above full_at
    assertEquals(0.5, AnswerPoints.of(RINGS, "8")); // exactly zero_after
    assertEquals(0.0, AnswerPoints.of(RINGS, "8.01")); // just above zero_after
    assertEquals(0.0, AnswerPoints.of(RINGS, "9"));
  }

  @Test
  void notApplicableIsNullForEveryType() {
    assertNull(AnswerPoints.of(YES_NO, "NA"));
    assertNull(AnswerPoints.of(SCALE, "NA"));
    assertNull(AnswerPoints.of(RINGS, "na"));
    assertTrue(AnswerPoints.isNotApplicable(" NA"));
  }

  @Test
  void valuesIngestionShouldHaveRejectedAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> AnswerPoints.of(YES_NO, "3"));
    assertThrows(IllegalArgumentException.class, () -> AnswerPoints.of(SCALE, "5"));
    assertThrows(IllegalArgumentException.class, () -> AnswerPoints.of(SCALE, "2.5"));
    assertThrows(IllegalArgumentException.class, () -> AnswerPoints.of(SCALE, "YES"));
    assertThrows(IllegalArgumentException.class, () -> AnswerPoints.of(RINGS, "-1"));
    assertThrows(IllegalArgumentException.class, () -> AnswerPoints.of(RINGS, null));
  }
}
