package fr.barometer.common.domain;

/** A step of the user's journey. */
public enum Step {
  /** Getting to the service. */
  ACCES,
  /** Reception, information, orientation. */
  ACCUEIL,
  /** Processing of the request. */
  TRAITEMENT
}
