package fr.barometer.generator;

/**
 * What can be wrong with a survey row. The first five get the whole row quarantined; a resubmission
 * (same response_id, later submitted_at) and an identical copy (the two exports overlap) must be
 * deduplicated.
 */
enum SurveyFault {
  UNREADABLE_DATE,
  UNKNOWN_LAST_CONTACT,
  UNKNOWN_CATEGORY,
  UNKNOWN_CHANNEL,
  OUT_OF_RANGE,
  RESUBMITTED,
  IDENTICAL_COPY;

  /** Rows per fault: a few in a sample, a few hundred in a national run. */
  static long rows(long responses) {
    return Math.max(responses >= 200 ? 2 : 1, Math.round(responses * 0.0004));
  }
}
