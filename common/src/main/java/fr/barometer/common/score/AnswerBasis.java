package fr.barometer.common.score;

/** Why one answer of an audit got its points: the {@code basis} column of answer_points. */
public enum AnswerBasis {
  /** Points from the value the auditor typed. */
  TYPED,
  /** The auditor typed NA: left out of every denominator. */
  NOT_APPLICABLE,
  /** An item of its channel the audit does not answer: treated as NA, lowers completeness. */
  MISSING,
  /** A WORKING_DAYS delay computed from the audit's contact and answer dates. */
  WORKING_DAYS,
  /** The service never answered (no {@code answered_at}): the item scores 0, whatever was typed. */
  NO_ANSWER
}
