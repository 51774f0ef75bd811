package fr.barometer.common.domain;

/**
 * Where a structure's barometer score stands against its peer group's mean once the luck of its
 * audits is taken into account: the 95% bootstrap interval of (score - peer mean), computed within
 * each replicate, lies wholly above 0, wholly below, or holds 0.
 */
public enum PeerMeanComparison {
  /** The whole interval is above 0: "au-dessus de la moyenne de votre groupe". */
  ABOVE,
  /** The whole interval is below 0: "en dessous de la moyenne de votre groupe". */
  BELOW,
  /** The interval holds 0: "dans la moyenne de votre groupe". */
  NOT_SIGNIFICANT;

  /**
   * The comparison of an interval of (score - peer mean), its bounds compared at Ties' precision.
   */
  public static PeerMeanComparison of(long lowerUnits, long upperUnits) {
    return lowerUnits > 0 ? ABOVE : upperUnits < 0 ? BELOW : NOT_SIGNIFICANT;
  }
}
