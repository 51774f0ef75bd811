package fr.barometer.common.domain;

import java.time.ZoneId;

/** The campaign's clock: audit times, working days and report dates are read in Paris. */
public final class ParisTime {
  /** Europe/Paris. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  private ParisTime() {}
}
