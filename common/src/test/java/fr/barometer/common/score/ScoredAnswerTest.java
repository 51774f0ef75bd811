package fr.barometer.common.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.barometer.common.config.GridItem;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.DelayUnit;
import fr.barometer.common.domain.ItemType;
import fr.barometer.common.domain.Step;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ScoredAnswerTest {
  /** A letter answered within 15 working days: full, within 25: half. */
  private static final GridItem LETTER_DELAY =
      new GridItem(
          "LE03",
          Channel.LETTER,
          "C04",
          Step.TRAITEMENT,
          "delay",
          ItemType.DELAY,
          DelayUnit.WORKING_DAYS,
          15.0,
          25.0,
          2);

  private static final GridItem LETTER_QUALITY =
      new GridItem(
          "LE06",
          Channel.LETTER,
          "C02",
          Step.TRAITEMENT,
          "complete",
          ItemType.BOOLEAN,
          null,
          null,
          null,
          1);
  private static final GridItem LETTER_ADDRESS =
      new GridItem(
          "LE01",
          Channel.LETTER,
          "C01",
          Step.ACCES,
          "address",
          ItemType.BOOLEAN,
          null,
          null,
          null,
          1);
  private static final GridItem PHONE_ANSWER =
      new GridItem(
          "PH06",
          Channel.PHONE,
          "C06",
          Step.TRAITEMENT,
          "oriented",
          ItemType.BOOLEAN,
          null,
          null,
          null,
          1);

  private static final Instant CONTACT = OffsetDateTime.parse("2017-04-13T10:00+02:00").toInstant();
  private static final Instant ANSWER = OffsetDateTime.parse("2017-04-18T09:00+02:00").toInstant();

  @Test
  void workingDaysAreComputedAndATypedValueIgnored() {
    // Thu 13 -> Tue 18 Apr 2017 = 2 working days (Easter Monday), <= 15 -> 1
    assertEquals(
        new ScoredAnswer(1.0, AnswerBasis.WORKING_DAYS, 2),
        ScoredAnswer.of(LETTER_DELAY, CONTACT, ANSWER, "40"));
    assertEquals(
        new ScoredAnswer(1.0, AnswerBasis.WORKING_DAYS, 2),
        ScoredAnswer.of(LETTER_DELAY, CONTACT, ANSWER, null));
  }

  @Test
  void unansweredDelayScoresZero() {
    assertEquals(
        new ScoredAnswer(0.0, AnswerBasis.NO_ANSWER, null),
        ScoredAnswer.of(LETTER_DELAY, CONTACT, null, "1"));
  }

  @Test
  void silenceIsNeverRewardedOnProcessingItems() {
    ScoredAnswer zero = new ScoredAnswer(0.0, AnswerBasis.NO_ANSWER, null);
    assertEquals(zero, ScoredAnswer.of(LETTER_QUALITY, CONTACT, null, "YES"));
    assertEquals(zero, ScoredAnswer.of(LETTER_QUALITY, CONTACT, null, "NA"));
    assertEquals(zero, ScoredAnswer.of(LETTER_QUALITY, CONTACT, null, null));
  }

  @Test
  void silenceLeavesOtherStepsAndChannelsAlone() {
    // ACCES of an unanswered letter: the typed value stands.
    assertEquals(
        new ScoredAnswer(1.0, AnswerBasis.TYPED, null),
        ScoredAnswer.of(LETTER_ADDRESS, CONTACT, null, "YES"));
    // A phone call has no answered_at to wait for.
    assertEquals(
        new ScoredAnswer(1.0, AnswerBasis.TYPED, null),
        ScoredAnswer.of(PHONE_ANSWER, CONTACT, null, "YES"));
  }

  @Test
  void missingAndNotApplicable() {
    assertEquals(
        new ScoredAnswer(null, AnswerBasis.MISSING, null),
        ScoredAnswer.of(LETTER_QUALITY, CONTACT, ANSWER, null));
    assertEquals(
        new ScoredAnswer(null, AnswerBasis.NOT_APPLICABLE, null),
        ScoredAnswer.of(LETTER_QUALITY, CONTACT, ANSWER, "NA"));
    assertEquals(
        new ScoredAnswer(0.0, AnswerBasis.TYPED, null),
        ScoredAnswer.of(LETTER_QUALITY, CONTACT, ANSWER, "NO"));
  }

  @Test
  void lateLetterHalfThenZero() {
    // Mon 4 Sep -> Mon 25 Sep 2017: 3 full weeks = 15 working days -> exactly full_at -> 1
    assertEquals(1.0, letterAnsweredAfterDays(21));
    // -> Tue 26 Sep: 16 -> 0.5
    assertEquals(0.5, letterAnsweredAfterDays(22));
    // -> Mon 9 Oct: 25 -> exactly zero_after -> 0.5; Tue 10 Oct: 26 -> 0
    assertEquals(0.5, letterAnsweredAfterDays(35));
    assertEquals(0.0, letterAnsweredAfterDays(36));
  }

  private static Double letterAnsweredAfterDays(int days) {
    Instant mon4Sep = OffsetDateTime.parse("2017-09-04T09:00+02:00").toInstant();
    return ScoredAnswer.of(LETTER_DELAY, mon4Sep, mon4Sep.plus(Duration.ofDays(days)), null)
        .points();
  }
}
