package fr.barometer.generator;

/**
 * What can be wrong with an audit record, at a low rate, so that the loaders' quarantine paths are
 * all exercised. The last two are not faults: a correction and an identical copy are ordinary
 * traffic that the loader must collapse.
 */
enum AuditFault {
  TRUNCATED_LINE(0.0007),
  MISSING_FIELD(0.0004),
  OTHER_EDITION(0.0007),
  ANSWERED_BEFORE_CONTACTED(0.0007),
  UNKNOWN_STRUCTURE(0.0007),
  UNKNOWN_SITE(0.0007),
  UNKNOWN_SCENARIO(0.0007),
  UNKNOWN_CHANNEL(0.0004),
  UNKNOWN_ITEM(0.0007),
  ITEM_OF_OTHER_CHANNEL(0.0007),
  INVALID_VALUE(0.0010),
  DUPLICATE_ANSWER(0.0007),
  OUTSIDE_WINDOW(0.0007),
  OUT_OF_PERIMETER(0.0007),
  CONFLICTING_DUPLICATE(0.0005),
  CORRECTION(0.005),
  EXACT_COPY(0.003);

  /** Share of audits that carry this fault; at least one of each is always written. */
  final double rate;

  AuditFault(double rate) {
    this.rate = rate;
  }
}
