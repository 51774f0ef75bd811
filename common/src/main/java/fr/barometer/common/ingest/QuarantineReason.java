package fr.barometer.common.ingest;

/** Why a row went to quarantine. The detail column of the quarantine table says which field. */
public enum QuarantineReason {
  /** Not parseable, a required field missing, another edition, answered before contacted. */
  MALFORMED_RECORD,
  /** A date or timestamp that cannot be read in any accepted format. */
  INVALID_DATE,
  /** A code outside its list: category, channel, status, plan, last_contact... */
  UNKNOWN_CODE,
  /** A value of the wrong type or out of range for its field or item. */
  INVALID_VALUE,
  UNKNOWN_STRUCTURE,
  /** A site that does not exist or belongs to another structure. */
  UNKNOWN_SITE,
  /** A scenario that does not exist or is written for another category. */
  UNKNOWN_SCENARIO,
  UNKNOWN_ITEM,
  UNKNOWN_COMMUNE,
  ITEM_OF_OTHER_CHANNEL,
  /** The same item answered twice in one audit: both answers go, the item counts as missing. */
  DUPLICATE_ANSWER,
  OUTSIDE_WINDOW,
  /**
   * A site not audited: structure not ACCEPTED, additional site of a STANDARD plan, visit not
   * ordered.
   */
  OUT_OF_PERIMETER,
  /** Same id (and same recorded_at for audits), different content: every copy goes. */
  CONFLICTING_DUPLICATE,
  /** A structure with no main site, or more than one. */
  MAIN_SITE_CONFLICT,
  /**
   * A landing file with no content (zero bytes or whitespace only): one row for the whole file,
   * source_line 0, record "". It counts as one row read, so the run log still reconciles.
   */
  EMPTY_FILE
}
