package fr.barometer.common.domain;

/** Status of a structure's application; only ACCEPTED structures are audited and scored. */
public enum ApplicationStatus {
  ACCEPTED,
  REJECTED,
  PENDING
}
