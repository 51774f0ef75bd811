package fr.barometer.common.score;

import fr.barometer.common.config.GridItem;
import fr.barometer.common.domain.Step;
import java.io.Serializable;
import java.time.Instant;

/**
 * One grid item of one audit, scored by the rules of spec 2.1: the one place where those rules
 * live. {@code points} is null when the answer is not applicable (NA or missing); {@code
 * workingDays} is set for WORKING_DAYS items of answered audits only.
 */
public record ScoredAnswer(Double points, AnswerBasis basis, Integer workingDays)
    implements Serializable {

  /**
   * Scores {@code item} for an audit contacted at {@code contactedAt} and answered at {@code
   * answeredAt} (null when the service never answered), where the auditor typed {@code typedValue}
   * (null when the audit does not answer the item). The rules, first match wins:
   *
   * <ol>
   *   <li>a WORKING_DAYS item is computed from the dates, a typed value is ignored; with no answer
   *       it scores 0 (basis NO_ANSWER);
   *   <li>on a channel where silence is possible (EMAIL, LETTER, VOICEMAIL), an unanswered audit
   *       scores 0 on every TRAITEMENT item, NA and missing included: silence is never rewarded;
   *   <li>an item not answered is missing: not applicable;
   *   <li>otherwise the typed value's points.
   * </ol>
   */
  public static ScoredAnswer of(
      GridItem item, Instant contactedAt, Instant answeredAt, String typedValue) {
    if (item.isComputed()) {
      return answeredAt == null ? noAnswer() : computedDelay(item, contactedAt, answeredAt);
    }
    if (answeredAt == null && item.channel().canGoUnanswered() && item.step() == Step.TRAITEMENT) {
      return noAnswer();
    }
    if (typedValue == null) {
      return new ScoredAnswer(null, AnswerBasis.MISSING, null);
    }
    Double points = AnswerPoints.of(item, typedValue);
    return new ScoredAnswer(
        points, points == null ? AnswerBasis.NOT_APPLICABLE : AnswerBasis.TYPED, null);
  }

  private static ScoredAnswer noAnswer() {
    return new ScoredAnswer(0.0, AnswerBasis.NO_ANSWER, null);
  }

  private static ScoredAnswer computedDelay(
      GridItem item, Instant contactedAt, Instant answeredAt) {
    int days = WorkingDays.between(contactedAt, answeredAt);
    return new ScoredAnswer(
        AnswerPoints.delay(days, item.fullAt(), item.zeroAfter()), AnswerBasis.WORKING_DAYS, days);
  }
}
