package fr.barometer.common.domain;

/** The scopes of the national barometer's cells (spec 4). */
public enum Scope {
  NATIONAL,
  CATEGORY,
  STRATUM,
  REGION;

  /** The scope value of the NATIONAL cells. */
  public static final String FRANCE = "FRANCE";
}
