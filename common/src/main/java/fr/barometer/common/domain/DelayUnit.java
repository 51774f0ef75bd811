package fr.barometer.common.domain;

/** Unit of a DELAY item. WORKING_DAYS is computed from the audit's dates, never typed. */
public enum DelayUnit {
  WORKING_DAYS,
  RINGS,
  SECONDS,
  MINUTES
}
