package fr.barometer.common.domain;

/**
 * How a measure's change from one edition to an earlier one was computed, given the two editions'
 * grids.
 */
public enum EvolutionBasis {
  /** The measure's items, types, thresholds and weights are the same: the plain difference. */
  SAME_GRID,
  /** The grid changed: both values recomputed on the items the two grids share. */
  COMMON_ITEMS,
  /** The two grids share no item of the measure: no change is computed. */
  NOT_COMPARABLE
}
