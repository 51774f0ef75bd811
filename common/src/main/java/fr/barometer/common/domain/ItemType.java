package fr.barometer.common.domain;

/** How an item of the grid is answered and turned into points. */
public enum ItemType {
  BOOLEAN,
  SCALE,
  DELAY
}
