package fr.barometer.common.domain;

/** The two structure subtypes that change how a structure is positioned. */
public final class Subtypes {
  public static final String TOWN_HALL = "MAIRIE";
  public static final String INTERCOMMUNALITY = "INTERCOMMUNALITE";

  private Subtypes() {}
}
