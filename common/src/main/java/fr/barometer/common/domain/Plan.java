package fr.barometer.common.domain;

/** STANDARD (free, main site only) or PERSONALIZED (paid, all sites and a detailed report). */
public enum Plan {
  STANDARD,
  PERSONALIZED
}
