package fr.barometer.common.domain;

/** The 12 categories of participating structures. */
public enum Category {
  ADMINISTRATION,
  HEALTH_SOCIAL_SECURITY,
  SOCIAL,
  SOCIAL_HOUSING,
  SECURITY,
  POSTAL,
  CULTURE_SPORT,
  EMPLOYMENT,
  UTILITIES,
  TRANSPORT,
  EDUCATION,
  CONSULAR
}
