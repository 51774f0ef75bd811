package fr.barometer.common.domain;

/**
 * The group a structure's report compares it with, in the order tried: its peer group, then its
 * category, then the national sample; the first whose cell of the national barometer is published.
 */
public enum ComparisonGroup {
  PEER_GROUP,
  CATEGORY,
  NATIONAL
}
